using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Workflow.Contract;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;
using A = DrsOrchestrator.Workflow.Contract.OrchestrationActions;
using N = DrsOrchestrator.Workflow.Contract.OrchestrationNextSteps;

namespace DrsOrchestrator.Workflow.Tests.EndToEnd;

/// <summary>The deployed definition, run end to end against a scripted orchestration Lambda.</summary>
public sealed class OrchestrationWorkflowTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_WavesTimeoutReconcilePauseResume_FinalizesAndSucceeds()
    {
        // Arrange
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-1");

        // Act + Assert, step by step: the conversation the engine will have with the state machine.
        var start = await lambda.ExpectAsync(A.Start);
        Assert.Equal("exec-1", start.Input.ExecutionId);
        Assert.Null(start.Input.TaskToken);
        start.ReplyNext(N.StartWave);
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.AwaitWave);

        // Wave 1 completes through its token (the event-driven path).
        var wave1 = await lambda.ExpectAsync(A.AwaitWave);
        wave1.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.AwaitWave, 1);
        await workflow.SendNextAsync(wave1.TaskToken, "exec-1", N.StartWave);

        // Wave 2's events are lost: the await times out after 300 virtual seconds and reconciles.
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.AwaitWave);
        var wave2 = await lambda.ExpectAsync(A.AwaitWave);
        wave2.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.AwaitWave, 2);
        var waited = await workflow.Clock.AdvanceToNextTimerAsync(Patience);
        Assert.Equal(TimeSpan.FromSeconds(300), waited);
        (await lambda.ExpectAsync(A.ReconcileWave)).ReplyNext(N.Pause);

        // A token whose await already timed out is dead: the engine must expect TaskTimedOut.
        var late = await Assert.ThrowsAsync<WorkflowClientException>(() => workflow.SendNextAsync(wave2.TaskToken, "exec-1", N.StartWave));
        Assert.Equal(WorkflowErrors.TaskTimedOut, late.ErrorName);

        // Pause before wave 3, then resume with the stored token.
        var pause = await lambda.ExpectAsync(A.Pause);
        pause.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.Pause, 1);
        Assert.Equal(ExecutionStatuses.Running, (await workflow.Runner.DescribeExecutionAsync(arn, CancellationToken.None)).Status);
        await workflow.SendNextAsync(pause.TaskToken, "exec-1", N.StartWave);

        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.AwaitWave);
        var wave3 = await lambda.ExpectAsync(A.AwaitWave);
        wave3.Acknowledge();
        await workflow.SendNextAsync(wave3.TaskToken, "exec-1", N.Finalize);
        (await lambda.ExpectAsync(A.Finalize)).Reply(new JsonObject { ["status"] = "COMPLETED" });

        var result = await workflow.CompletionAsync(arn);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(
            [A.Start, A.StartWave, A.AwaitWave, A.StartWave, A.AwaitWave, A.ReconcileWave, A.Pause, A.StartWave, A.AwaitWave, A.Finalize],
            lambda.Actions);
        Assert.Equal(4, new[] { wave1.TaskToken, wave2.TaskToken, pause.TaskToken, wave3.TaskToken }.Distinct().Count());
        Assert.Equal(OrchestrationStates.Completed, workflow.Runner.GetExecutionHistory(arn).Last(e => e.Type == "SucceedStateEntered").StateName);
    }

    [Fact]
    public async Task Run_CancelledThroughThePauseToken_RecordsCancellationAndSucceeds()
    {
        // Arrange
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-2");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.Pause);
        var pause = await lambda.ExpectAsync(A.Pause);
        pause.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.Pause, 1);

        // Act
        await workflow.Runner.SendTaskFailureAsync(pause.TaskToken, OrchestrationErrors.Cancelled, "cancelled by alice", CancellationToken.None);
        var cancelled = await lambda.ExpectAsync(A.Cancelled);
        cancelled.Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        // Assert
        Assert.Equal(new OrchestrationTaskError(OrchestrationErrors.Cancelled, "cancelled by alice"), cancelled.Input.Error);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(OrchestrationStates.Cancelled, workflow.Runner.GetExecutionHistory(arn).Last(e => e.Type == "SucceedStateEntered").StateName);
        Assert.Empty(workflow.Runner.ListExecutions(workflow.StateMachineArn, ExecutionStatuses.Running));
    }

    [Fact]
    public async Task Run_CancelledThroughTheAwaitToken_RecordsCancellation()
    {
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-3");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.StartWave);
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.AwaitWave);
        var wave = await lambda.ExpectAsync(A.AwaitWave);
        wave.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.AwaitWave, 1);

        await workflow.Runner.SendTaskFailureAsync(wave.TaskToken, OrchestrationErrors.Cancelled, "cancel during wave", CancellationToken.None);
        (await lambda.ExpectAsync(A.Cancelled)).Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal([A.Start, A.StartWave, A.AwaitWave, A.Cancelled], lambda.Actions);
    }

    [Fact]
    public async Task Run_StoppedWhileAwaitingAWave_IsAbortedWithNothingLeftRunning()
    {
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-4");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.StartWave);
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.AwaitWave);
        (await lambda.ExpectAsync(A.AwaitWave)).Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.AwaitWave, 1);

        await workflow.Runner.StopExecutionAsync(arn, OrchestrationErrors.Cancelled, "stopped by the API", CancellationToken.None);
        var result = await workflow.CompletionAsync(arn);

        Assert.Equal(ExecutionStatuses.Aborted, result.Status);
        Assert.Empty(workflow.Runner.ListExecutions(workflow.StateMachineArn, ExecutionStatuses.Running));
        SpinWait.SpinUntil(() => workflow.Clock.PendingTimers == 0, Patience);
        Assert.Equal(0, workflow.Clock.PendingTimers);
    }

    [Fact]
    public async Task Run_StepCrashes_IsNotRetriedAndRecordsFailureWithTheCause()
    {
        // Arrange
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-5");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.StartWave);

        // Act
        (await lambda.ExpectAsync(A.StartWave)).Throw(new InvalidOperationException("plan snapshot is corrupt"));
        var fail = await lambda.ExpectAsync(A.Fail);
        fail.Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        // Assert
        Assert.Equal("exec-5", fail.Input.ExecutionId);
        Assert.Equal("InvalidOperationException", fail.Input.Error!.Error);
        Assert.Contains("plan snapshot is corrupt", fail.Input.Error.Cause, StringComparison.Ordinal);
        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal(OrchestrationErrors.OrchestrationFailed, result.Error);
        Assert.Equal([A.Start, A.StartWave, A.Fail], lambda.Actions);
    }

    [Fact]
    public async Task Run_TransientErrors_AreRetriedWithBackoffThenContinue()
    {
        // Arrange
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-6");

        // Act: two transient failures, each followed by a backoff on the virtual clock.
        (await lambda.ExpectAsync(A.Start)).Throw(new OrchestrationTransientException("conditional write lost a race"));
        await workflow.Clock.AdvanceToNextTimerAsync(Patience);
        (await lambda.ExpectAsync(A.Start)).Throw(new WorkflowTaskException("Lambda.TooManyRequestsException", "Rate exceeded"));
        await workflow.Clock.AdvanceToNextTimerAsync(Patience);
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.Finalize);
        (await lambda.ExpectAsync(A.Finalize)).Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        // Assert
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal([A.Start, A.Start, A.Start, A.Finalize], lambda.Actions);
    }

    [Fact]
    public async Task Run_TransientErrorsBeyondMaxAttempts_RecordFailure()
    {
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-7");
        var attempts = new OrchestrationStateMachineOptions().RetryMaxAttempts + 1;

        for (var i = 0; i < attempts; i++)
        {
            (await lambda.ExpectAsync(A.Start)).Throw(new OrchestrationTransientException("DynamoDB unavailable"));
            if (i < attempts - 1)
            {
                await workflow.Clock.AdvanceToNextTimerAsync(Patience);
            }
        }

        var fail = await lambda.ExpectAsync(A.Fail);
        fail.Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        Assert.Equal(OrchestrationErrors.Transient, fail.Input.Error!.Error);
        Assert.Equal(ExecutionStatuses.Failed, result.Status);
    }

    [Theory]
    [InlineData(45, 45)]
    [InlineData(null, 60)]
    public async Task Run_WaitForCapacity_WaitsThenStartsTheWaveAgain(int? waitSeconds, int expectedWait)
    {
        // Arrange
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-8");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.StartWave);

        // Act
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.WaitForCapacity, waitSeconds);
        var waited = await workflow.Clock.AdvanceToNextTimerAsync(Patience);
        (await lambda.ExpectAsync(A.StartWave)).ReplyNext(N.Finalize);
        (await lambda.ExpectAsync(A.Finalize)).Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(expectedWait), waited);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
    }

    [Fact]
    public async Task Run_UnknownNextStep_RecordsFailure()
    {
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-9");

        (await lambda.ExpectAsync(A.Start)).ReplyNext("teleport");
        var fail = await lambda.ExpectAsync(A.Fail);
        fail.Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        Assert.Equal(OrchestrationErrors.UnknownNextStep, fail.Input.Error!.Error);
        Assert.Equal(OrchestrationErrors.OrchestrationFailed, result.Error);
    }

    [Fact]
    public async Task Run_StepResultWithoutExecutionId_FailsWithoutInvokingAgain()
    {
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-10");

        (await lambda.ExpectAsync(A.Start)).Reply(new JsonObject { ["next"] = N.StartWave });
        var result = await workflow.CompletionAsync(arn);

        Assert.Equal(OrchestrationErrors.InvalidStepResult, result.Error);
        Assert.Equal([A.Start], lambda.Actions);
    }

    [Fact]
    public async Task Run_FailActionItselfFails_StillEndsFailed()
    {
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-11");

        (await lambda.ExpectAsync(A.Start)).Throw(new InvalidOperationException("bad"));
        (await lambda.ExpectAsync(A.Fail)).Throw(new InvalidOperationException("cannot write either"));
        var result = await workflow.CompletionAsync(arn);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal(OrchestrationErrors.OrchestrationFailed, result.Error);
    }

    [Fact]
    public async Task Run_PauseTimesOut_ReRegistersAFreshTokenInsteadOfWaitingForever()
    {
        // Arrange
        await using var workflow = new OrchestrationWorkflowHarness();
        var lambda = workflow.Lambda;
        var arn = await workflow.StartAsync("exec-12");
        (await lambda.ExpectAsync(A.Start)).ReplyNext(N.Pause);
        var first = await lambda.ExpectAsync(A.Pause);
        first.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.Pause, 1);

        // Act
        var waited = await workflow.Clock.AdvanceToNextTimerAsync(Patience);
        var second = await lambda.ExpectAsync(A.Pause);
        second.Acknowledge();
        await workflow.WaitForSubmittedAsync(arn, OrchestrationStates.Pause, 2);
        await workflow.SendNextAsync(second.TaskToken, "exec-12", N.Finalize);
        (await lambda.ExpectAsync(A.Finalize)).Reply(new JsonObject());
        var result = await workflow.CompletionAsync(arn);

        // Assert
        Assert.Equal(TimeSpan.FromDays(1), waited);
        Assert.NotEqual(first.TaskToken, second.TaskToken);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
    }
}
