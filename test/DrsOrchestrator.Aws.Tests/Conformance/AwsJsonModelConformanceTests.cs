using System.Text.Json;
using DrsOrchestrator.Aws.EventBridge;
using DrsOrchestrator.Aws.StepFunctions;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>Step Functions (aws-json 1.0) and EventBridge (aws-json 1.1) requests and answers against their official models.</summary>
public sealed class AwsJsonModelConformanceTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:100000000001:stateMachine:drs-orchestration";
    private const string ExecutionArn = "arn:aws:states:us-east-1:100000000001:execution:drs-orchestration:exec-1";

    private static readonly (string Operation, Func<IWorkflowClient, Task> Call)[] StepFunctionsCalls =
    [
        ("StartExecution", c => c.StartExecutionAsync(StateMachineArn, "exec-1", """{"executionId":"exec-1"}""", default)),
        ("StopExecution", c => c.StopExecutionAsync(ExecutionArn, "Cancelled", "operator cancelled", default)),
        ("DescribeExecution", c => c.DescribeExecutionAsync(ExecutionArn, default)),
        ("SendTaskSuccess", c => c.SendTaskSuccessAsync("token-1", """{"ok":true}""", default)),
        ("SendTaskFailure", c => c.SendTaskFailureAsync("token-1", "WaveFailed", "server s-1 failed", default)),
        ("SendTaskHeartbeat", c => c.SendTaskHeartbeatAsync("token-1", default)),
    ];

    [Fact]
    public async Task StepFunctions_EveryOperation_SendsTargetContentTypeAndModelMembers()
    {
        // Arrange
        var model = ApiModel.Load("states");
        var handler = new CapturingHandler();
        var client = AwsClients.StepFunctions("us-east-1", Credentials(), Options(handler));

        // Act
        var problems = new List<string>();
        foreach (var (operation, call) in StepFunctionsCalls)
        {
            handler.AnswerBody = new ModelSampler(model).Sample(model.Output(operation)!.Value)!.ToJsonString();
            await call(client);
            problems.AddRange(CheckAwsJsonRequest(model, operation, handler.Requests[^1]));
        }

        // Assert
        Assert.Empty(problems);
        Assert.Equal(StepFunctionsOperations.All.Select(o => o.Name).Order(), StepFunctionsCalls.Select(c => c.Operation).Order());
    }

    [Fact]
    public void StepFunctions_OutputTypes_ReadOnlyModelMembers()
    {
        // Arrange
        var model = ApiModel.Load("states");
        var checker = new JsonShapeChecker(model);

        // Act
        var problems = StepFunctionsOperations.All
            .SelectMany(op => checker.CheckRead(op.OutputType, model.Output(op.Name)!.Value, op.Name))
            .ToList();

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public async Task StepFunctions_DescribeExecution_FullyPopulatedAnswerMapsEveryField()
    {
        // Arrange
        var model = ApiModel.Load("states");
        var handler = new CapturingHandler { AnswerBody = new ModelSampler(model).Sample(model.Output("DescribeExecution")!.Value)!.ToJsonString() };
        var client = AwsClients.StepFunctions("us-east-1", Credentials(), Options(handler));

        // Act
        var description = await client.DescribeExecutionAsync(ExecutionArn, default);

        // Assert
        Assert.All(new object?[] { description.ExecutionArn, description.Status, description.StopDate, description.Input, description.Output, description.Error, description.Cause }, Assert.NotNull);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_600_000_000), description.StartDate);
    }

    [Fact]
    public async Task EventBridge_PutEvents_SendsModelMembersInBatchesOfTen()
    {
        // Arrange
        var model = ApiModel.Load("eventbridge");
        var handler = new CapturingHandler { AnswerBody = """{"FailedEntryCount":0,"Entries":[]}""" };
        var publisher = AwsClients.EventBridge("us-east-1", "drs-orchestrator-bus", "drs-orchestrator", Credentials(), Options(handler));
        var events = Enumerable.Range(1, 12)
            .Select(i => new PublishedEvent("Wave Completed", $$"""{"executionId":"exec-1","wave":{{i}}}""", [ExecutionArn], DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)))
            .ToList();

        // Act
        await publisher.PublishAsync(events, default);

        // Assert
        Assert.Equal(2, handler.Requests.Count);
        Assert.Empty(handler.Requests.SelectMany(r => CheckAwsJsonRequest(model, "PutEvents", r)));
        using var first = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal(10, first.RootElement.GetProperty("Entries").GetArrayLength());
        Assert.Equal("drs-orchestrator", first.RootElement.GetProperty("Entries")[0].GetProperty("Source").GetString());
    }

    [Fact]
    public void EventBridge_OutputTypes_ReadOnlyModelMembers()
    {
        // Arrange
        var model = ApiModel.Load("eventbridge");

        // Act
        var problems = EventBridgeOperations.All
            .SelectMany(op => new JsonShapeChecker(model).CheckRead(op.OutputType, model.Output(op.Name)!.Value, op.Name))
            .ToList();

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EventBridge_PartiallyRejectedBatch_ThrowsWithFailedIndices()
    {
        // Arrange
        var handler = new CapturingHandler
        {
            AnswerBody = """{"FailedEntryCount":1,"Entries":[{"EventId":"e-1"},{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}""",
        };
        var publisher = AwsClients.EventBridge("us-east-1", "bus", "drs-orchestrator", Credentials(), Options(handler));

        // Act
        var error = await Assert.ThrowsAsync<EventPublishException>(() =>
            publisher.PublishAsync([new PublishedEvent("Execution Started", "{}"), new PublishedEvent("Execution Paused", "{}")], default));

        // Assert
        var failed = Assert.Single(error.FailedEntries);
        Assert.Equal(1, failed.Index);
        Assert.Equal("InternalFailure", failed.ErrorCode);
    }

    private static List<string> CheckAwsJsonRequest(ApiModel model, string operation, CapturedRequest sent)
    {
        var problems = new List<string>();
        var metadata = model.Metadata;
        var target = $"{metadata.GetProperty("targetPrefix").GetString()}.{operation}";
        var contentType = $"application/x-amz-json-{metadata.GetProperty("jsonVersion").GetString()}";
        if (!model.HasOperation(operation))
        {
            problems.Add($"{operation} is not in the model");
        }

        if (sent.Method != "POST" || sent.Url.AbsolutePath != "/")
        {
            problems.Add($"{operation}: {sent.Method} {sent.Url.AbsolutePath}, expected POST /");
        }

        if (!sent.Headers.TryGetValue("X-Amz-Target", out var sentTarget) || sentTarget != target)
        {
            problems.Add($"{operation}: X-Amz-Target {sentTarget}, expected {target}");
        }

        if (!sent.Headers.TryGetValue("Content-Type", out var sentType) || sentType != contentType)
        {
            problems.Add($"{operation}: Content-Type {sentType}, expected {contentType}");
        }

        if (!sent.Headers.TryGetValue("Authorization", out var authorization) || !authorization.Contains($"/{metadata.GetProperty("endpointPrefix").GetString()}/aws4_request", StringComparison.Ordinal))
        {
            problems.Add($"{operation}: not signed for the model's signing name");
        }

        using var body = JsonDocument.Parse(sent.Body);
        problems.AddRange(new JsonShapeChecker(model).CheckSent(body.RootElement, model.Input(operation)!.Value, operation));
        return problems;
    }

    private static StaticCredentialSource Credentials() => new("AKIASIM100000000001", "secret");

    private static AwsClientOptions Options(CapturingHandler handler) =>
        new(new Uri("http://127.0.0.1:9"), RetryOptions.None, HttpClient: new HttpClient(handler));
}
