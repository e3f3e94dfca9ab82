using System.Net;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Tests.Wire;

public sealed class AwsWireClientTests
{
    private const string DrsThrottle = """{"message":"Rate exceeded","serviceCode":"drs","quotaCode":"L-1","retryAfterSeconds":"2"}""";

    [Fact]
    public async Task SendAsync_ThrottledTwiceThenOk_RetriesAndHonoursRetryAfterSeconds()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, DrsThrottle, ("x-amzn-errortype", "ThrottlingException"))
            .Then(HttpStatusCode.TooManyRequests, DrsThrottle, ("x-amzn-errortype", "ThrottlingException"))
            .Then(HttpStatusCode.OK, """{"items":[]}""");
        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        var client = new WireClientBuilder(handler).WithTime(time).Build();

        // Act
        var response = await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, time.DueTimes.Count(d => d == TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task SendAsync_ValidationError_ThrowsTypedWithoutRetry()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, """{"message":"Unknown source server","reason":"fieldValidationFailed"}""", ("x-amzn-errortype", "ValidationException:http://internal.amazon.com/coral/"));
        var client = new WireClientBuilder(handler).Build();

        // Act
        var error = await Assert.ThrowsAsync<AwsValidationException>(() => client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None));

        // Assert
        Assert.Single(handler.Requests);
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("fieldValidationFailed", error.Reason);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryAttempt_ThrowsInternalAfterMaxAttempts()
    {
        // Arrange
        var handler = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            handler.Then(HttpStatusCode.InternalServerError, """{"message":"boom"}""", ("x-amzn-errortype", "InternalServerException"));
        }

        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        var client = new WireClientBuilder(handler).WithTime(time).Build();

        // Act
        var error = await Assert.ThrowsAsync<AwsInternalServerException>(() => client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None));

        // Assert
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal("InternalServerException", error.ErrorCode);
        var backoffs = time.DueTimes.Where(d => d < TimeSpan.FromHours(1)).ToList();
        Assert.Equal(3, backoffs.Count);
        Assert.All(backoffs.Select((d, i) => (d, i)), x => Assert.InRange(x.d, TimeSpan.Zero, TimeSpan.FromMilliseconds(100 * Math.Pow(2, x.i + 1))));
    }

    [Fact]
    public async Task SendAsync_QuotaExceeded_ThrowsQuotaWithCodesAndNoRetry()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.PaymentRequired, """{"message":"Too many concurrent jobs","quotaCode":"L-CONCURRENT-JOBS","resourceType":"job","serviceCode":"drs"}""", ("x-amzn-errortype", "ServiceQuotaExceededException"));
        var client = new WireClientBuilder(handler).Build();

        // Act
        var error = await Assert.ThrowsAsync<AwsServiceQuotaExceededException>(() => client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None));

        // Assert
        Assert.Single(handler.Requests);
        Assert.Equal("L-CONCURRENT-JOBS", error.QuotaCode);
        Assert.Equal("job", error.ResourceType);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanMaxDelay_SurfacesThrottlingWithHint()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"message":"slow down","retryAfterSeconds":120}""", ("x-amzn-errortype", "ThrottlingException"));
        var client = new WireClientBuilder(handler).Build();

        // Act
        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() => client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None));

        // Assert
        Assert.Single(handler.Requests);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedOnce_RetriesAndSucceeds()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .ThenThrow(new HttpRequestException("Connection refused"))
            .Then(HttpStatusCode.OK);
        var client = new WireClientBuilder(handler).Build();

        // Act
        var response = await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_RetriesWithFreshAttempt()
    {
        // Arrange
        var handler = new ScriptedHandler().ThenHang().Then(HttpStatusCode.OK);
        var client = new WireClientBuilder(handler)
            .WithTime(TimeProvider.System)
            .WithRetry(new RetryOptions(MaxAttempts: 2, BaseDelay: TimeSpan.FromMilliseconds(1)))
            .WithAttemptTimeout(TimeSpan.FromMilliseconds(200))
            .Build();

        // Act
        var response = await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsCancelledWithoutRetry()
    {
        // Arrange
        var handler = new ScriptedHandler().ThenHang().Then(HttpStatusCode.OK);
        var client = new WireClientBuilder(handler).WithTime(TimeProvider.System).Build();
        using var cancellation = new CancellationTokenSource();

        // Act
        var call = client.SendAsync(WireClientBuilder.AnyRequest(), cancellation.Token);
        await cancellation.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_Ec2XmlError_MapsNotFoundFromErrorsDocument()
    {
        // Arrange
        const string xml = "<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>The subnet ID 'subnet-1' does not exist</Message></Error></Errors><RequestID>req-1</RequestID></Response>";
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadRequest, xml);
        var client = new WireClientBuilder(handler).WithParser(Ec2XmlErrorParser.Instance).Build();

        // Act
        var error = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None));

        // Assert
        Assert.Equal("InvalidSubnetID.NotFound", error.ErrorCode);
        Assert.Equal("req-1", error.RequestId);
    }

    [Fact]
    public async Task SendAsync_AwsJsonTypeWithNamespace_KeepsServiceSpecificCode()
    {
        // Arrange
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.swf.service.v2.model#TaskTimedOut","message":"Task Timed Out"}""");
        var client = new WireClientBuilder(handler).Build();

        // Act
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None));

        // Assert
        Assert.Equal("TaskTimedOut", error.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_EverySignedAttempt_CarriesFreshSignatureHeaders()
    {
        // Arrange
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, "{}").Then(HttpStatusCode.OK);
        var client = new WireClientBuilder(handler).Build();

        // Act
        await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None);

        // Assert
        Assert.All(handler.Requests, r =>
        {
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIASIM111122223333/", r.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
            Assert.Equal("application/json", r.Content!.Headers.ContentType!.MediaType);
        });
    }

    [Fact]
    public async Task SendAsync_NonIdempotentServerError_NotRetried()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.InternalServerError, """{"message":"boom"}""", ("x-amzn-errortype", "InternalServerException"))
            .Then(HttpStatusCode.Accepted, """{"job":{"jobID":"drsjob-2"}}""");
        var client = new WireClientBuilder(handler).Build();
        var startRecovery = new WireRequest("StartRecovery", HttpMethod.Post, "/StartRecovery", "{}"u8.ToArray(), "application/json", Idempotent: false);

        // Act
        await Assert.ThrowsAsync<AwsInternalServerException>(() => client.SendAsync(startRecovery, CancellationToken.None));

        // Assert: a second attempt could start a second job if the first one did run.
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_NonIdempotentThrottled_RetriedBecauseNothingRan()
    {
        // Arrange
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, DrsThrottle, ("x-amzn-errortype", "ThrottlingException"))
            .Then(HttpStatusCode.Accepted, """{"job":{"jobID":"drsjob-2"}}""");
        var client = new WireClientBuilder(handler).Build();
        var startRecovery = new WireRequest("StartRecovery", HttpMethod.Post, "/StartRecovery", "{}"u8.ToArray(), "application/json", Idempotent: false);

        // Act
        var response = await client.SendAsync(startRecovery, CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }
}
