using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.Builders;
using static DrsOrchestrator.Domain.Tests.Executions.ExecutionFixtures;

namespace DrsOrchestrator.Domain.Tests.Executions;

public sealed class ExecutionLifecycleTests
{
    private static ServerLaunchUpdate Update(string serverId, ServerLaunchStatus status, int minute = 5) =>
        new() { SourceServerId = serverId, LaunchStatus = status, At = T0.AddMinutes(minute) };

    private static void AssertConflict(Action action, string code = ErrorCodes.InvalidStateTransition)
    {
        var error = Assert.Throws<DomainException>(action);
        Assert.Equal((ErrorKind.Conflict, code), (error.Kind, error.Code));
    }

    [Fact]
    public void Create_NewExecution_PendingWithPendingWavesAndCreatedAudit()
    {
        var execution = Builder().InitiatedBy("alice").From(InvocationSource.Api).Build();

        Assert.Equal(ExecutionStatus.Pending, execution.Status);
        Assert.Equal(["Databases", "Applications"], execution.Waves.Select(w => w.Name));
        Assert.All(execution.Waves, w => Assert.Equal(WaveStatus.Pending, w.Status));
        var entry = Assert.Single(execution.Record.Audit);
        Assert.Equal(("alice", AuditAction.Created), (entry.Actor, entry.Action));
        Assert.Equal(InvocationSource.Api, execution.Record.InvocationSource);
    }

    [Fact]
    public void Start_Pending_RunningWithStartTime()
    {
        var execution = Builder().Build();

        execution.Start(T0.AddSeconds(3));

        Assert.Equal((ExecutionStatus.Running, T0.AddSeconds(3)), (execution.Status, execution.Record.StartedAt));
    }

    [Fact]
    public void HappyPath_AllServersLaunch_WavesCompletedAndExecutionCompleted()
    {
        var execution = Builder().BuildRunning();

        LaunchAndFinish(execution, 0, 1, 3, ServerLaunchStatus.Launched);
        LaunchAndFinish(execution, 1, 10, 3, ServerLaunchStatus.Launched);
        var outcome = execution.Complete(T0.AddMinutes(10));

        Assert.Equal(ExecutionStatus.Completed, outcome);
        Assert.All(execution.Waves, w => Assert.Equal(WaveStatus.Completed, w.Status));
        Assert.Equal(T0.AddMinutes(10), execution.Record.EndedAt);
        Assert.Equal(AuditAction.Completed, execution.Record.Audit[^1].Action);
    }

    [Fact]
    public void EvaluateWave_CriticalServerFailed_WaveFailedRestSkippedExecutionFailed()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(2));
        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Launched));
        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(2), ServerLaunchStatus.Failed) with { FailureReason = "No capacity" });

        var outcome = execution.EvaluateWave(0, T0.AddMinutes(6));

        Assert.Equal(WaveStatus.Failed, outcome);
        Assert.Equal(WaveStatus.Skipped, execution.Waves[1].Status);
        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Contains(TestIds.SourceServerId(2), execution.Record.FailureCause, StringComparison.Ordinal);
        Assert.Equal("No capacity", execution.Waves[0].Servers[1].FailureReason);
    }

    [Fact]
    public void EvaluateWave_OnlyOptionalServersFailed_WavePartialAndExecutionEndsPartial()
    {
        var execution = Builder().BuildRunning();
        LaunchAndFinish(execution, 0, 1, 2, ServerLaunchStatus.Launched);

        LaunchAndFinish(execution, 1, 10, 2, ServerLaunchStatus.Failed);

        Assert.Equal(WaveStatus.Partial, execution.Waves[1].Status);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Equal(ExecutionStatus.Partial, execution.Complete(T0.AddMinutes(9)));
    }

    [Fact]
    public void EvaluateWave_PerServerCriticalOverrideInOptionalWave_Fails()
    {
        var plan = new RecoveryPlanBuilder()
            .WithWave("a", w => w.WithGroups("pg-1").WithDefaultCriticality(ServerCriticality.Optional).WithCriticality(TestIds.SourceServerId(2), ServerCriticality.Critical))
            .Build();
        var execution = new ExecutionBuilder().ForPlan(plan).BuildLaunching(0, ExecutionBuilder.Servers(2));
        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Failed));
        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(2), ServerLaunchStatus.Failed));

        Assert.Equal(WaveStatus.Failed, execution.EvaluateWave(0, T0));
        Assert.Equal([ServerCriticality.Optional, ServerCriticality.Critical], execution.Waves[0].Servers.Select(s => s.Criticality));
    }

    [Fact]
    public void EvaluateWave_TerminatedDuringWave_CountsAsFailure()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));
        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Terminated));

        Assert.Equal(WaveStatus.Failed, execution.EvaluateWave(0, T0));
    }

    [Fact]
    public void EvaluateWave_ServersStillLaunching_NullAndNothingChanges()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(2));
        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Launched));
        var before = ExecutionJson.Of(execution);

        Assert.Null(execution.EvaluateWave(0, T0));
        Assert.Equal(before, ExecutionJson.Of(execution));
    }

    [Fact]
    public void EvaluateWave_WaveWithNoServers_CompletedFromStarting()
    {
        var execution = Builder().BuildRunning();
        execution.StartWave(0, [], T0);

        Assert.Equal(WaveStatus.Completed, execution.EvaluateWave(0, T0));
    }

    [Fact]
    public void EvaluateWave_WaveNotInFlight_Conflict()
    {
        var execution = Builder().BuildRunning();

        AssertConflict(() => execution.EvaluateWave(0, T0));
    }

    [Fact]
    public void Complete_WaveStillPending_Conflict()
    {
        var execution = Builder().BuildRunning();
        LaunchAndFinish(execution, 0, 1, 1, ServerLaunchStatus.Launched);

        AssertConflict(() => execution.Complete(T0));
    }

    [Fact]
    public void StartWave_OutOfOrder_Conflict()
    {
        var execution = Builder().BuildRunning();

        AssertConflict(() => execution.StartWave(1, ExecutionBuilder.Servers(1), T0));
    }

    [Fact]
    public void StartWave_UnknownIndex_BadRequestUnknownWave()
    {
        var execution = Builder().BuildRunning();

        var error = Assert.Throws<DomainException>(() => execution.StartWave(7, [], T0));

        Assert.Equal((ErrorKind.BadRequest, ErrorCodes.UnknownWave), (error.Kind, error.Code));
    }

    [Fact]
    public void StartWave_DuplicateServer_BadRequest()
    {
        var execution = Builder().BuildRunning();
        var server = ExecutionBuilder.Servers(1)[0];

        var error = Assert.Throws<DomainException>(() => execution.StartWave(0, [server, server], T0));

        Assert.Equal(ErrorKind.BadRequest, error.Kind);
    }

    [Fact]
    public void StartWave_ServerAlreadyInEarlierWave_BadRequest()
    {
        var execution = Builder().BuildRunning();
        LaunchAndFinish(execution, 0, 1, 1, ServerLaunchStatus.Launched);

        Assert.Throws<DomainException>(() => execution.StartWave(1, ExecutionBuilder.Servers(1, 1), T0));
    }

    [Fact]
    public void ShouldPauseBefore_PlanOptionAndRequest_EachTriggersPause()
    {
        var plan = new RecoveryPlanBuilder().WithWave("a", "pg-1").WithWave("b", w => w.WithGroups("pg-2").PausingBefore()).Build();
        var plain = new ExecutionBuilder().ForPlan(plan).BuildRunning();
        var optioned = new ExecutionBuilder().ForPlan(plan).WithOptions(new ExecutionOptions { PauseBeforeFirstWave = true }).BuildRunning();

        Assert.Equal((false, true), (plain.ShouldPauseBefore(0), plain.ShouldPauseBefore(1)));
        Assert.True(optioned.ShouldPauseBefore(0));
        plain.RequestPause("op", T0);
        Assert.True(plain.ShouldPauseBefore(0));
    }

    [Fact]
    public void PauseRequest_ThenBoundary_PausesWithTokenAndResumeReturnsIt()
    {
        var execution = Builder().BuildRunning();
        execution.RequestPause("alice", T0);

        AssertConflict(() => execution.StartWave(0, [], T0));
        execution.PauseBeforeWave(0, "token-1", T0.AddSeconds(1));

        Assert.Equal(ExecutionStatus.Paused, execution.Status);
        Assert.False(execution.Record.PauseRequested);
        Assert.Equal(new WaitingTask("token-1", WaitPurpose.Pause, 0, T0.AddSeconds(1)), execution.Record.WaitingTask);
        Assert.Equal("operator request", execution.Record.Audit[^1].Detail);

        var token = execution.Resume("bob", T0.AddMinutes(1));

        Assert.Equal("token-1", token);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Null(execution.Record.WaitingTask);
        Assert.Equal(("bob", AuditAction.Resumed), (execution.Record.Audit[^1].Actor, execution.Record.Audit[^1].Action));
    }

    [Fact]
    public void RequestPause_Twice_Conflict()
    {
        var execution = Builder().BuildRunning();
        execution.RequestPause("op", T0);

        AssertConflict(() => execution.RequestPause("op", T0));
    }

    [Fact]
    public void RequestPause_LastWaveInFlight_ConflictNothingToPauseBefore()
    {
        var execution = Builder().BuildRunning();
        LaunchAndFinish(execution, 0, 1, 1, ServerLaunchStatus.Launched);
        ExecutionBuilder.LaunchAll(execution, 1, ExecutionBuilder.Servers(1, 50), T0);

        AssertConflict(() => execution.RequestPause("op", T0));
    }

    [Fact]
    public void RequestCancel_WhilePaused_CancelledPendingWavesCancelledTokenReturned()
    {
        var execution = In(ExecutionStatus.Paused);

        var token = execution.RequestCancel("carol", T0.AddMinutes(2));

        Assert.Equal("pause-token", token);
        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
        Assert.All(execution.Waves, w => Assert.Equal(WaveStatus.Cancelled, w.Status));
        Assert.Equal([AuditAction.CancelRequested, AuditAction.Cancelled], execution.Record.Audit.TakeLast(2).Select(a => a.Action));
    }

    [Fact]
    public void RequestCancel_WhileWaveLaunching_CancellingThenWaveEndCancels()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));

        Assert.Null(execution.RequestCancel("carol", T0));
        Assert.Equal(ExecutionStatus.Cancelling, execution.Status);
        Assert.Equal(WaveStatus.Cancelled, execution.Waves[1].Status);

        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Launched));
        Assert.Equal(WaveStatus.Completed, execution.EvaluateWave(0, T0.AddMinutes(5)));
        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
    }

    [Fact]
    public void RequestCancel_WhileCancelling_Conflict()
    {
        AssertConflict(() => In(ExecutionStatus.Cancelling).RequestCancel("op", T0));
    }

    [Fact]
    public void FinishCancellation_InFlightWave_MarkedCancelled()
    {
        var execution = In(ExecutionStatus.Cancelling);

        execution.FinishCancellation(T0.AddMinutes(1));

        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
        Assert.Equal(WaveStatus.Cancelled, execution.Waves[0].Status);
    }

    [Fact]
    public void Fail_WhilePaused_ReturnsTokenAndSkipsPendingWaves()
    {
        var execution = In(ExecutionStatus.Paused);

        var token = execution.Fail("Workflow timed out", T0.AddDays(1));

        Assert.Equal("pause-token", token);
        Assert.Equal((ExecutionStatus.Failed, "Workflow timed out"), (execution.Status, execution.Record.FailureCause));
        Assert.All(execution.Waves, w => Assert.Equal(WaveStatus.Skipped, w.Status));
    }

    [Fact]
    public void Fail_WaveInFlight_WaveFailedWithCause()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));

        execution.Fail("DRS unavailable", T0);

        Assert.Equal((WaveStatus.Failed, "DRS unavailable"), (execution.Waves[0].Status, execution.Waves[0].FailureReason));
    }

    [Fact]
    public void RecordJobIntent_SameRequestTwice_ReturnsStoredIntentWithoutSecondJob()
    {
        var execution = Builder().BuildRunning();
        var servers = ExecutionBuilder.Servers(3);
        execution.StartWave(0, servers, T0);
        var ids = servers.Select(s => s.SourceServerId).ToArray();

        var first = execution.RecordJobIntent(0, "req-a", servers[0].Location, ids, T0);
        var again = execution.RecordJobIntent(0, "req-a", servers[0].Location, ids.Reverse().ToArray(), T0.AddMinutes(1));

        Assert.Same(first, again);
        Assert.True(first.IsIntentOnly);
        Assert.Single(execution.Waves[0].Jobs);
    }

    [Fact]
    public void RecordJobIntent_SameRequestOtherServers_Conflict()
    {
        var execution = Builder().BuildRunning();
        var servers = ExecutionBuilder.Servers(2);
        execution.StartWave(0, servers, T0);
        execution.RecordJobIntent(0, "req-a", servers[0].Location, [servers[0].SourceServerId], T0);

        AssertConflict(() => execution.RecordJobIntent(0, "req-a", servers[0].Location, [servers[1].SourceServerId], T0));
    }

    [Fact]
    public void RecordJobIntent_ServerAlreadyInAJobOrNotInWaveOrWrongLocation_BadRequest()
    {
        var execution = Builder().BuildRunning();
        var servers = ExecutionBuilder.Servers(2);
        execution.StartWave(0, servers, T0);
        execution.RecordJobIntent(0, "req-a", servers[0].Location, [servers[0].SourceServerId], T0);

        Assert.Equal(ErrorKind.BadRequest, Assert.Throws<DomainException>(() => execution.RecordJobIntent(0, "req-b", servers[0].Location, [servers[0].SourceServerId], T0)).Kind);
        Assert.Equal(ErrorKind.BadRequest, Assert.Throws<DomainException>(() => execution.RecordJobIntent(0, "req-c", servers[0].Location, [TestIds.SourceServerId(77)], T0)).Kind);
        Assert.Equal(ErrorKind.BadRequest, Assert.Throws<DomainException>(() => execution.RecordJobIntent(0, "req-d", new AccountRegion(TestIds.AccountId(1), TestIds.OtherRegion), [servers[1].SourceServerId], T0)).Kind);
        Assert.Equal(ErrorKind.BadRequest, Assert.Throws<DomainException>(() => execution.RecordJobIntent(0, "req-e", servers[0].Location, [], T0)).Kind);
    }

    [Fact]
    public void RecordJobIntent_WhileCancelling_Conflict()
    {
        var execution = Builder().BuildRunning();
        var servers = ExecutionBuilder.Servers(2);
        execution.StartWave(0, servers, T0);
        execution.RequestCancel("op", T0);

        AssertConflict(() => execution.RecordJobIntent(0, "req-a", servers[0].Location, [servers[0].SourceServerId], T0));
    }

    [Fact]
    public void RecordJobStarted_FirstJob_WaveLaunchingServersPendingWithJobId()
    {
        var execution = Builder().BuildRunning();
        var servers = ExecutionBuilder.Servers(2);
        execution.StartWave(0, servers, T0);
        execution.RecordJobIntent(0, "req-a", servers[0].Location, [.. servers.Select(s => s.SourceServerId)], T0);

        execution.RecordJobStarted(0, "req-a", "drsjob-1", T0.AddSeconds(2));

        var wave = execution.Waves[0];
        Assert.Equal(WaveStatus.Launching, wave.Status);
        Assert.Equal(("drsjob-1", (DrsJobStatus?)DrsJobStatus.Pending), (wave.Jobs[0].JobId, wave.Jobs[0].Status));
        Assert.All(wave.Servers, s => Assert.Equal((ServerLaunchStatus.Pending, "drsjob-1", (DateTimeOffset?)T0.AddSeconds(2)), (s.LaunchStatus, s.JobId, s.LaunchStartedAt)));
    }

    [Fact]
    public void RecordJobStarted_SameJobAgain_NoChange_OtherJob_Conflict()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));
        var before = ExecutionJson.Of(execution);

        execution.RecordJobStarted(0, "req-0-0", "drsjob-0-0", T0.AddHours(1));

        Assert.Equal(before, ExecutionJson.Of(execution));
        AssertConflict(() => execution.RecordJobStarted(0, "req-0-0", "drsjob-other", T0));
    }

    [Fact]
    public void RecordJobStarted_UnknownRequest_NotFoundUnknownJob()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));

        var error = Assert.Throws<DomainException>(() => execution.RecordJobStarted(0, "nope", "drsjob-9", T0));

        Assert.Equal((ErrorKind.NotFound, ErrorCodes.UnknownJob), (error.Kind, error.Code));
    }

    [Fact]
    public void ApplyServerLaunchUpdate_RegressionAndRepeat_Ignored()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));
        var id = TestIds.SourceServerId(1);

        Assert.True(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Launched, 7) with { RecoveryInstanceId = "i-abc", Ec2InstanceId = "i-0123" }));
        Assert.False(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.InProgress, 8)));
        Assert.False(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Launched, 9)));
        Assert.False(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Failed, 9)));

        var server = execution.Waves[0].Servers[0];
        Assert.Equal((ServerLaunchStatus.Launched, "i-abc", "i-0123", (DateTimeOffset?)T0.AddMinutes(7)), (server.LaunchStatus, server.RecoveryInstanceId, server.Ec2InstanceId, server.LaunchEndedAt));
    }

    [Fact]
    public void ApplyServerLaunchUpdate_SameStatusWithNewInstanceId_FillsItIn()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));
        var id = TestIds.SourceServerId(1);
        execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Launched));

        Assert.True(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Launched) with { RecoveryInstanceId = "i-late" }));
        Assert.Equal("i-late", execution.Waves[0].Servers[0].RecoveryInstanceId);
    }

    [Fact]
    public void ApplyServerLaunchUpdate_UnknownServer_False()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));

        Assert.False(execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(404), ServerLaunchStatus.Launched)));
    }

    [Fact]
    public void ApplyServerLaunchUpdate_EndedWave_IgnoresLateNewsButTakesTermination()
    {
        var execution = In(ExecutionStatus.Completed);
        var id = TestIds.SourceServerId(1);

        Assert.False(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Failed, 30)));
        Assert.True(execution.ApplyServerLaunchUpdate(Update(id, ServerLaunchStatus.Terminated, 30)));
        Assert.Equal(ServerLaunchStatus.Terminated, execution.Waves[0].Servers[0].LaunchStatus);
        Assert.Equal(WaveStatus.Completed, execution.Waves[0].Status);
    }

    [Fact]
    public void ApplyJobStatus_Regression_Ignored()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));

        Assert.True(execution.ApplyJobStatus("drsjob-0-0", DrsJobStatus.Completed, T0.AddMinutes(9)));
        Assert.False(execution.ApplyJobStatus("drsjob-0-0", DrsJobStatus.Started, T0.AddMinutes(10)));
        Assert.False(execution.ApplyJobStatus("unknown", DrsJobStatus.Started, T0));
        Assert.Equal((DrsJobStatus?)DrsJobStatus.Completed, execution.Waves[0].Jobs[0].Status);
    }

    [Fact]
    public void SetWaveWaitToken_ThenWaveEnds_TokenCleared()
    {
        var execution = Builder().BuildLaunching(0, ExecutionBuilder.Servers(1));
        execution.SetWaveWaitToken(0, "wave-token", T0);
        Assert.Equal(WaitPurpose.WaveCompletion, execution.Record.WaitingTask?.Purpose);

        execution.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Launched));
        execution.EvaluateWave(0, T0);

        Assert.Null(execution.Record.WaitingTask);
    }

    [Fact]
    public void SetWaveWaitToken_NoWaveInFlight_Conflict()
    {
        AssertConflict(() => Builder().BuildRunning().SetWaveWaitToken(0, "t", T0));
    }

    [Fact]
    public void AttachWorkflow_SameArnTwice_Idempotent_OtherArn_Conflict()
    {
        var execution = Builder().Build();

        execution.AttachWorkflow("arn:aws:states:us-east-1:111100000001:execution:sm:exec-1");
        execution.AttachWorkflow("arn:aws:states:us-east-1:111100000001:execution:sm:exec-1");

        AssertConflict(() => execution.AttachWorkflow("arn:aws:states:us-east-1:111100000001:execution:sm:other"));
    }

    [Fact]
    public void RequestTermination_FinishedDrill_RequestedThenCompleted()
    {
        var execution = In(ExecutionStatus.Completed);
        Assert.Equal(4, execution.RecoveryInstancesToTerminate().Count);

        execution.RequestTermination("dave", T0.AddHours(1));
        execution.RecordTerminationStarted(["drsjob-term-1"], T0.AddHours(1));
        execution.RecordTerminationEnded(true, null, T0.AddHours(2));

        var state = execution.Record.Termination;
        Assert.Equal((TerminationStatus.Completed, "dave", "drsjob-term-1"), (state.Status, state.RequestedBy, state.JobIds.Single()));
        Assert.Equal(AuditAction.TerminationCompleted, execution.Record.Audit[^1].Action);
        AssertConflict(() => execution.RequestTermination("dave", T0));
    }

    [Fact]
    public void RequestTermination_AfterFailedTermination_Allowed()
    {
        var execution = In(ExecutionStatus.Completed);
        execution.RequestTermination("dave", T0);
        execution.RecordTerminationEnded(false, "AccessDenied", T0);

        execution.RequestTermination("dave", T0.AddMinutes(1));

        Assert.Equal(TerminationStatus.Requested, execution.Record.Termination.Status);
    }

    [Fact]
    public void RequestTermination_RecoveryWithoutConfirmation_RecoveryConfirmationRequiredAndUnchanged()
    {
        var execution = In(ExecutionStatus.Completed, ExecutionType.Recovery);
        var before = execution.Record;

        var error = Assert.Throws<DomainException>(() => execution.RequestTermination("dave", recoveryConfirmed: false, T0));

        Assert.Equal((ErrorKind.Validation, ErrorCodes.RecoveryConfirmationRequired), (error.Kind, error.Code));
        Assert.Same(before, execution.Record);
    }

    [Fact]
    public void RequestTermination_RecoveryConfirmed_RequestedAndAudited()
    {
        var execution = In(ExecutionStatus.Completed, ExecutionType.Recovery);

        execution.RequestTermination("dave", recoveryConfirmed: true, T0.AddHours(1));

        Assert.Equal(TerminationStatus.Requested, execution.Record.Termination.Status);
        Assert.Equal("dave", execution.Record.Termination.RequestedBy);
        Assert.Equal(AuditAction.TerminateRequested, execution.Record.Audit[^1].Action);
    }

    [Fact]
    public void RequestTermination_DrillWithoutConfirmation_Requested()
    {
        var execution = In(ExecutionStatus.Completed);

        execution.RequestTermination("dave", recoveryConfirmed: false, T0.AddHours(1));

        Assert.Equal(TerminationStatus.Requested, execution.Record.Termination.Status);
    }

    [Fact]
    public void RenewPauseToken_Paused_ReplacesTokenKeepsStatusAndAudit()
    {
        var execution = In(ExecutionStatus.Paused);
        var audit = execution.Record.Audit.Count;

        execution.RenewPauseToken("pause-token-2", T0.AddDays(300));

        Assert.Equal(ExecutionStatus.Paused, execution.Status);
        Assert.Equal(new WaitingTask("pause-token-2", WaitPurpose.Pause, 0, T0.AddDays(300)), execution.Record.WaitingTask);
        Assert.Equal(audit, execution.Record.Audit.Count);
        Assert.Equal("pause-token-2", execution.Resume("carol", T0.AddDays(301)));
    }

    [Fact]
    public void RenewPauseToken_SameToken_Unchanged()
    {
        var execution = In(ExecutionStatus.Paused);
        var before = execution.Record;

        execution.RenewPauseToken("pause-token", T0.AddDays(1));

        Assert.Same(before, execution.Record);
    }

    [Fact]
    public void RenewPauseToken_Running_Rejected()
    {
        AssertConflict(() => In(ExecutionStatus.Running).RenewPauseToken("pause-token", T0));
    }

    [Fact]
    public void RequestTermination_ActiveDrill_ExecutionActive()
    {
        AssertConflict(() => In(ExecutionStatus.Running).RequestTermination("dave", T0), ErrorCodes.ExecutionActive);
    }

    [Fact]
    public void RequestTermination_NothingLaunched_TerminationNotAllowed()
    {
        AssertConflict(() => In(ExecutionStatus.Cancelled).RequestTermination("dave", T0), ErrorCodes.TerminationNotAllowed);
    }

    [Fact]
    public void RecordTerminationStarted_NotRequested_Conflict()
    {
        AssertConflict(() => In(ExecutionStatus.Completed).RecordTerminationStarted(["j"], T0));
    }

    [Fact]
    public void Rehydrate_JsonRoundTripOfRecord_ContinuesWhereItLeftOff()
    {
        var original = Builder().BuildLaunching(0, ExecutionBuilder.Servers(2));
        original.SetWaveWaitToken(0, "wave-token", T0);

        var loaded = Execution.Rehydrate(ExecutionJson.RoundTrip(original));
        loaded.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(1), ServerLaunchStatus.Launched));
        loaded.ApplyServerLaunchUpdate(Update(TestIds.SourceServerId(2), ServerLaunchStatus.Launched));

        Assert.Equal(WaveStatus.Completed, loaded.EvaluateWave(0, T0.AddMinutes(5)));
        Assert.Equal(original.Record.Audit.Count + 1, loaded.Record.Audit.Count);
    }

    [Fact]
    public void Rehydrate_WaveCountDiffersFromPlan_Throws()
    {
        var record = Builder().Build().Record;

        Assert.Throws<ArgumentException>(() => Execution.Rehydrate(record with { Waves = [record.Waves[0]] }));
    }

    [Fact]
    public void StartWave_EarlierWaveStillInFlight_Conflict()
    {
        var execution = Builder().BuildRunning();
        execution.StartWave(0, ExecutionBuilder.Servers(1), T0);

        AssertConflict(() => execution.StartWave(1, [], T0));
    }
}
