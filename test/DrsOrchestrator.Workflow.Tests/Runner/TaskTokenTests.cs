using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class TaskTokenTests
{
    private static readonly string Definition = Asl.Machine(
        ("Await", Asl.TokenTask(next: "Done", extra: new JsonObject
        {
            ["TimeoutSeconds"] = 300,
            ["HeartbeatSeconds"] = 60,
            ["Catch"] = new JsonArray(
                new JsonObject { ["ErrorEquals"] = new JsonArray("Cancelled"), ["ResultPath"] = "$.error", ["Next"] = "WasCancelled" }),
        })),
        ("Done", Asl.Succeed()),
        ("WasCancelled", Asl.Succeed()));

    private static async Task<(RunnerHarness Harness, TokenCapture Tokens, string Arn, string Token)> StartWaitingAsync()
    {
        var tokens = new TokenCapture();
        var harness = new RunnerHarness(tokens.Handle);
        var arn = await harness.StartAsync(harness.Load(Definition), """{"executionId":"e-1"}""");
        var token = await tokens.NextTokenAsync();
        await harness.WaitForEventAsync(arn, "TaskSubmitted");
        return (harness, tokens, arn, token);
    }

    [Fact]
    public async Task SendTaskSuccess_WaitingTask_OutputBecomesTheStateOutput()
    {
        // Arrange
        var (harness, _, arn, token) = await StartWaitingAsync();
        await using var _ = harness;

        // Act
        await harness.Runner.SendTaskSuccessAsync(token, """{"executionId":"e-1","next":"finalize"}""", CancellationToken.None);
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        // Assert
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal("""{"executionId":"e-1","next":"finalize"}""", result.Output);
    }

    [Fact]
    public async Task SendTaskFailure_CaughtError_ReachesCatchWithCause()
    {
        var (harness, _, arn, token) = await StartWaitingAsync();
        await using var _ = harness;

        await harness.Runner.SendTaskFailureAsync(token, "Cancelled", "operator asked", CancellationToken.None);
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        Assert.Equal("""{"executionId":"e-1","error":{"Error":"Cancelled","Cause":"operator asked"}}""", result.Output);
    }

    [Fact]
    public async Task SendTaskFailure_UncaughtError_FailsTheExecution()
    {
        var (harness, _, arn, token) = await StartWaitingAsync();
        await using var _ = harness;

        await harness.Runner.SendTaskFailureAsync(token, "Boom", "no catcher for this", CancellationToken.None);
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("Boom", result.Error);
        Assert.Equal("no catcher for this", result.Cause);
    }

    [Fact]
    public async Task Heartbeats_KeepTheTaskAliveUntilTheTimeout()
    {
        // Arrange
        var (harness, _, arn, token) = await StartWaitingAsync();
        await using var _ = harness;

        // Act: beat every 50 s; the 60 s heartbeat never lapses, the 300 s task timeout does.
        for (var i = 0; i < 5; i++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(50));
            await harness.Runner.SendTaskHeartbeatAsync(token, CancellationToken.None);
        }

        var stillRunning = await harness.Runner.DescribeExecutionAsync(arn, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromSeconds(50));
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        // Assert
        Assert.Equal(ExecutionStatuses.Running, stillRunning.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(result.StartDate.AddSeconds(300), result.StopDate);
    }

    [Fact]
    public async Task NoHeartbeat_WithinHeartbeatSeconds_FailsWithHeartbeatTimeout()
    {
        var (harness, _, arn, token) = await StartWaitingAsync();
        await using var _ = harness;

        await harness.Clock.AdvanceToNextTimerAsync(RunnerHarness.Patience);
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        Assert.Equal("States.HeartbeatTimeout", result.Error);
        Assert.Equal(result.StartDate.AddSeconds(60), result.StopDate);
        Assert.Contains(harness.Runner.GetExecutionHistory(arn), e => e.Type == "TaskTimedOut");
        var late = await Assert.ThrowsAsync<WorkflowClientException>(() => harness.Runner.SendTaskSuccessAsync(token, "{}", CancellationToken.None));
        Assert.Equal(WorkflowErrors.TaskTimedOut, late.ErrorName);
    }

    [Fact]
    public async Task SendTaskSuccess_UnknownToken_ThrowsInvalidToken()
    {
        await using var harness = new RunnerHarness();

        var error = await Assert.ThrowsAsync<WorkflowClientException>(() => harness.Runner.SendTaskSuccessAsync("not-a-token", "{}", CancellationToken.None));

        Assert.Equal(WorkflowErrors.InvalidToken, error.ErrorName);
    }

    [Fact]
    public async Task SendTaskSuccess_TwiceOnOneToken_SecondThrowsTaskTimedOut()
    {
        var (harness, _, arn, token) = await StartWaitingAsync();
        await using var _ = harness;
        await harness.Runner.SendTaskSuccessAsync(token, "{}", CancellationToken.None);
        await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        var error = await Assert.ThrowsAsync<WorkflowClientException>(() => harness.Runner.SendTaskSuccessAsync(token, "{}", CancellationToken.None));

        Assert.Equal(WorkflowErrors.TaskTimedOut, error.ErrorName);
    }

    [Fact]
    public async Task HandlerSendsSuccessBeforeReturning_TaskStillCompletes()
    {
        // Arrange: the orchestration Lambda may find the wave already done and answer its own token.
        LocalWorkflowRunner? runner = null;
        await using var harness = new RunnerHarness(async (payload, ct) =>
        {
            await runner!.SendTaskSuccessAsync(payload["token"]!.GetValue<string>(), """{"fast":true}""", ct);
            return new JsonObject();
        });
        runner = harness.Runner;

        // Act
        var result = await harness.RunAsync(Definition);

        // Assert
        Assert.Equal("""{"fast":true}""", result.Output);
    }
}
