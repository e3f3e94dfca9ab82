using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class ExecutionLifecycleTests
{
    [Fact]
    public async Task StopExecution_WhileWaitingOnToken_AbortsAndLeavesNoTimerOrLiveToken()
    {
        // Arrange
        var tokens = new TokenCapture();
        await using var harness = new RunnerHarness(tokens.Handle);
        var definition = Asl.Machine(("Await", Asl.TokenTask(extra: new JsonObject { ["TimeoutSeconds"] = 3600 })));
        var arn = await harness.StartAsync(harness.Load(definition));
        var token = await tokens.NextTokenAsync();
        await harness.WaitForEventAsync(arn, "TaskSubmitted");

        // Act
        await harness.Runner.StopExecutionAsync(arn, "Cancelled", "operator cancelled", CancellationToken.None);
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        // Assert
        Assert.Equal(ExecutionStatuses.Aborted, result.Status);
        Assert.Equal("Cancelled", result.Error);
        Assert.Equal("ExecutionAborted", harness.Runner.GetExecutionHistory(arn)[^1].Type);
        var late = await Assert.ThrowsAsync<WorkflowClientException>(() => harness.Runner.SendTaskSuccessAsync(token, "{}", CancellationToken.None));
        Assert.Equal(WorkflowErrors.TaskTimedOut, late.ErrorName);
        await harness.Runner.WaitForHistoryEventAsync(arn, e => e.Type == "ExecutionAborted", RunnerHarness.Patience);
        SpinWait.SpinUntil(() => harness.Clock.PendingTimers == 0, RunnerHarness.Patience);
        Assert.Equal(0, harness.Clock.PendingTimers);
    }

    [Fact]
    public async Task StopExecution_UnknownArn_ThrowsExecutionDoesNotExist()
    {
        await using var harness = new RunnerHarness();

        var error = await Assert.ThrowsAsync<WorkflowClientException>(() => harness.Runner.StopExecutionAsync("arn:nope", null, null, CancellationToken.None));

        Assert.Equal(WorkflowErrors.ExecutionDoesNotExist, error.ErrorName);
    }

    [Fact]
    public async Task StartExecution_SameNameAndInputWhileRunning_ReturnsTheSameRun()
    {
        // Arrange
        var tokens = new TokenCapture();
        await using var harness = new RunnerHarness(tokens.Handle);
        var machine = harness.Load(Asl.Machine(("Await", Asl.TokenTask())));
        var first = await harness.Runner.StartExecutionAsync(machine, "exec-1", """{"a":1}""", CancellationToken.None);

        // Act
        var again = await harness.Runner.StartExecutionAsync(machine, "exec-1", """{"a":1}""", CancellationToken.None);
        var different = await Assert.ThrowsAsync<WorkflowClientException>(
            () => harness.Runner.StartExecutionAsync(machine, "exec-1", """{"a":2}""", CancellationToken.None));

        // Assert
        Assert.Equal(first, again);
        Assert.Equal(WorkflowErrors.ExecutionAlreadyExists, different.ErrorName);
        Assert.Single(harness.Runner.ListExecutions(machine, ExecutionStatuses.Running));
    }

    [Fact]
    public async Task StartExecution_NameOfAFinishedRun_ThrowsExecutionAlreadyExists()
    {
        await using var harness = new RunnerHarness();
        var machine = harness.Load(Asl.Machine(("Done", Asl.Succeed())));
        var first = await harness.Runner.StartExecutionAsync(machine, "exec-1", "{}", CancellationToken.None);
        await harness.Runner.WaitForCompletionAsync(first.ExecutionArn, RunnerHarness.Patience);

        var error = await Assert.ThrowsAsync<WorkflowClientException>(() => harness.Runner.StartExecutionAsync(machine, "exec-1", "{}", CancellationToken.None));

        Assert.Equal(WorkflowErrors.ExecutionAlreadyExists, error.ErrorName);
    }

    [Fact]
    public async Task History_ExceedingTheCap_FailsTheExecution()
    {
        // Arrange: an endless Pass loop against a cap of 50 events.
        await using var harness = new RunnerHarness(options: new LocalWorkflowRunnerOptions(MaxHistoryEvents: 50));
        var definition = Asl.Machine(("Loop", Asl.Pass(new JsonObject(), next: "Loop")));

        // Act
        var arn = await harness.StartAsync(harness.Load(definition));
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        // Assert
        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("maximum number of history events (50)", result.Cause, StringComparison.Ordinal);
        Assert.Equal(50, harness.Runner.GetExecutionHistory(arn).Count);
    }

    [Fact]
    public async Task FailState_ReportsItsErrorAndCause()
    {
        await using var harness = new RunnerHarness();

        var result = await harness.RunAsync(Asl.Machine(("F", Asl.Fail("Nope", "because"))));

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal(("Nope", "because"), (result.Error, result.Cause));
    }
}
