using System.Text.Json.Nodes;
using DrsOrchestrator.Aws.CloudFront;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Console;
using DrsOrchestrator.FrontendBuilder.Tests.Support;
using DrsOrchestrator.Functions.FrontendBuilder;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;
using DrsOrchestrator.Functions.FrontendBuilder.Hosting;
using DrsOrchestrator.Functions.FrontendBuilder.Publishing;
using Moq;

namespace DrsOrchestrator.FrontendBuilder.Tests.CustomResources;

/// <summary>
/// The Lambda entry point from CloudFormation's event to the answer at the ResponseURL, over real HTTP
/// on loopback: one server stands in for the pre-signed S3 URL, another for CloudFront's endpoint
/// (reached through the production wire client). S3 is the in-memory port.
/// </summary>
public sealed class CustomResourceFlowTests : IAsyncLifetime
{
    private const string InvalidationId = "I2J0I21PCUYOIK";

    private readonly LoopbackHttpServer cloudFormation = new();
    private readonly LoopbackHttpServer cloudFront = new();
    private readonly InMemorySiteStore store = new();

    public CustomResourceFlowTests()
    {
        cloudFront.Responder = _ => (201, "text/xml",
            $"""<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>{InvalidationId}</Id><Status>InProgress</Status></Invalidation>""");
        store.WithSource(ConsoleDeploymentPropertiesBuilder.SourceBucket, ConsoleDeploymentPropertiesBuilder.SourceKey, ConsoleBundleBuilder.ViteBuild().BuildZip());
    }

    [Fact]
    public async Task HandleAsync_Create_PublishesInvalidatesAndAnswersSuccess()
    {
        // Arrange
        var request = Event();

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("PUT", answer.Request.Method);
        Assert.Equal("/cfn-response?X-Amz-Signature=abc", answer.Request.PathAndQuery);
        Assert.False(answer.Request.Headers.ContainsKey("Content-Type"));
        Assert.Equal("SUCCESS", answer.Body["Status"]!.GetValue<string>());
        Assert.Equal("console-drs-orchestrator-dev-site", answer.Body["PhysicalResourceId"]!.GetValue<string>());
        Assert.Equal(CustomResourceEventBuilder.StackId, answer.Body["StackId"]!.GetValue<string>());
        Assert.Equal(request.RequestId, answer.Body["RequestId"]!.GetValue<string>());
        Assert.Equal(CustomResourceEventBuilder.LogicalId, answer.Body["LogicalResourceId"]!.GetValue<string>());
        Assert.Equal(InvalidationId, answer.Body["Data"]!["InvalidationId"]!.GetValue<string>());
        Assert.Equal("0a1b2c3d", answer.Body["Data"]!["BundleHash"]!.GetValue<string>());
        Assert.Contains("index.html", store.Objects.Keys);
        Assert.Contains("aws-config.json", store.Objects.Keys);
        var invalidation = Assert.Single(cloudFront.Requests);
        Assert.Equal($"/2020-05-31/distribution/{ConsoleDeploymentPropertiesBuilder.DistributionId}/invalidation", invalidation.PathAndQuery);
        Assert.Contains($"<CallerReference>{request.RequestId}</CallerReference>", invalidation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_UpdateSameBucket_KeepsThePhysicalIdAndRemovesStaleFiles()
    {
        // Arrange
        store.WithExisting("assets/index-OLDhash1.js");
        var request = Event().Update("console-drs-orchestrator-dev-site");

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("SUCCESS", answer.Body["Status"]!.GetValue<string>());
        Assert.Equal("console-drs-orchestrator-dev-site", answer.Body["PhysicalResourceId"]!.GetValue<string>());
        Assert.Equal("1", answer.Body["Data"]!["FilesDeleted"]!.GetValue<string>());
        Assert.DoesNotContain("assets/index-OLDhash1.js", store.Objects.Keys);
    }

    [Fact]
    public async Task HandleAsync_Delete_AnswersSuccessAndLeavesTheBucketAsItIs()
    {
        // Arrange
        store.WithExisting("index.html");
        var request = Event().Delete("console-drs-orchestrator-dev-site");

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("SUCCESS", answer.Body["Status"]!.GetValue<string>());
        Assert.Equal("console-drs-orchestrator-dev-site", answer.Body["PhysicalResourceId"]!.GetValue<string>());
        Assert.Contains("index.html", store.Objects.Keys);
        store.Mock.Verify(s => s.DeleteObjectsAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);
        store.Mock.Verify(s => s.GetObjectAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(cloudFront.Requests);
    }

    [Fact]
    public async Task HandleAsync_BundleMissingFromS3_AnswersFailedWithTheReason()
    {
        // Arrange
        store.Sources.Clear();
        var request = Event();

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("FAILED", answer.Body["Status"]!.GetValue<string>());
        Assert.Contains("NoSuchKey", answer.Body["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("console-not-created-ConsoleDeployment", answer.Body["PhysicalResourceId"]!.GetValue<string>());
        Assert.Empty(cloudFront.Requests);
    }

    [Fact]
    public async Task HandleAsync_UpdateFails_AnswersFailedWithTheExistingPhysicalId()
    {
        // Arrange
        store.Sources.Clear();
        var request = Event().Update("console-previous-bucket");

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("FAILED", answer.Body["Status"]!.GetValue<string>());
        Assert.Equal("console-previous-bucket", answer.Body["PhysicalResourceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_InvalidProperties_AnswersFailedAndPublishesNothing()
    {
        // Arrange
        var request = Event().WithProperties(new ConsoleDeploymentPropertiesBuilder().WithAwsConfig(c => c with { AuthMode = "local" }).Build());

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("FAILED", answer.Body["Status"]!.GetValue<string>());
        Assert.Contains("authMode", answer.Body["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(store.Objects);
    }

    [Fact]
    public async Task HandleAsync_OtherResourceType_AnswersFailed()
    {
        // Arrange
        var request = Event().WithResourceType("Custom::Something");

        // Act
        await Function().HandleAsync(request.BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("FAILED", answer.Body["Status"]!.GetValue<string>());
        Assert.Contains("Custom::Something", answer.Body["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CloudFrontRefuses_AnswersFailedWithItsErrorCode()
    {
        // Arrange
        cloudFront.Responder = _ => (404, "text/xml",
            """<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchDistribution</Code><Message>The specified distribution does not exist.</Message></Error><RequestId>r1</RequestId></ErrorResponse>""");

        // Act
        await Function().HandleAsync(Event().BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("FAILED", answer.Body["Status"]!.GetValue<string>());
        Assert.Contains("NoSuchDistribution", answer.Body["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PublishingHangs_AnswersFailedAtThePublishTimeout()
    {
        // Arrange
        store.Mock.Setup(s => s.GetObjectAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, CancellationToken token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return Array.Empty<byte>();
            });

        // Act
        await Function(publishTimeout: TimeSpan.FromMilliseconds(300)).HandleAsync(Event().BuildStream());

        // Assert
        var answer = SingleAnswer();
        Assert.Equal("FAILED", answer.Body["Status"]!.GetValue<string>());
        Assert.Contains("did not finish within", answer.Body["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_MisconfiguredFunction_CreateAnswersFailedDeleteSucceeds()
    {
        // Arrange
        var handler = FrontendBuilderComposition.FromEnvironment(
            name => name == "AWS_LAMBDA_LOG_STREAM_NAME" ? "stream-1" : null, TimeProvider.System, TextWriter.Null);
        var function = new Function(handler);

        // Act
        await function.HandleAsync(Event().BuildStream());
        await function.HandleAsync(Event().Delete("console-not-created-ConsoleDeployment").BuildStream());

        // Assert
        var answers = cloudFormation.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal("FAILED", answers[0]["Status"]!.GetValue<string>());
        Assert.Contains("AWS_REGION", answers[0]["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("stream-1", answers[0]["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SUCCESS", answers[1]["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_ResponseUrlFailsOnce_RetriesAndDelivers()
    {
        // Arrange
        var calls = 0;
        cloudFormation.Responder = _ => Interlocked.Increment(ref calls) == 1 ? (503, "text/plain", "slow down") : (200, "text/plain", string.Empty);

        // Act
        await Function().HandleAsync(Event().BuildStream());

        // Assert
        var bodies = cloudFormation.Requests.Select(r => r.Text).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains("\"Status\":\"SUCCESS\"", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ResponseUrlRefused_ThrowsAfterOneAttempt()
    {
        // Arrange
        cloudFormation.Responder = _ => (403, "application/xml", "<Error><Code>AccessDenied</Code></Error>");

        // Act
        var error = await Assert.ThrowsAsync<CustomResourceResponseException>(() => Function().HandleAsync(Event().BuildStream()));

        // Assert
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Single(cloudFormation.Requests);
    }

    [Fact]
    public async Task HandleAsync_NotACustomResourceEvent_Throws()
    {
        // Arrange
        using var input = new MemoryStream("""{"source":"aws.drs"}"""u8.ToArray());

        // Act
        var error = await Assert.ThrowsAsync<CustomResourceResponseException>(() => Function().HandleAsync(input));

        // Assert
        Assert.Contains("ResponseURL", error.Message, StringComparison.Ordinal);
        Assert.Empty(cloudFormation.Requests);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await cloudFormation.DisposeAsync();
        await cloudFront.DisposeAsync();
    }

    private CustomResourceEventBuilder Event() => new(cloudFormation.BaseUrl);

    private Function Function(TimeSpan? publishTimeout = null)
    {
        IContentDeliveryInvalidator invalidator = CloudFrontClients.Invalidator(
            new StaticCredentialSource("AKIASIM111111111111", "secret"), new AwsClientOptions(ServiceUrl: cloudFront.BaseUrl));
        var handler = ConsoleDeploymentHandler.Ready(
            new ConsolePublisher(store.Mock.Object, invalidator, 4),
            new CustomResourceResponder(new HttpClient(), TimeProvider.System),
            publishTimeout ?? TimeSpan.FromMinutes(1),
            TimeProvider.System,
            TextWriter.Null);
        return new Function(handler);
    }

    private (ReceivedRequest Request, JsonObject Body) SingleAnswer()
    {
        var request = Assert.Single(cloudFormation.Requests);
        return (request, JsonNode.Parse(request.Body)!.AsObject());
    }
}
