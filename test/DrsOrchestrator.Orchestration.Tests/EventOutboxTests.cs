using System.Text.Json;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Orchestration.Tests.Support;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Engine;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests;

/// <summary>
/// Domain events survive a failure between the save and the publish (transactional outbox): the engine
/// on the local twin, with the event bus failing on purpose.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EventOutboxTests(DynamoDbLocalFixture dynamo)
{
    private const string Account = "111111111111";
    private const string Region = "us-east-1";

    /// <summary>Past the engine's grace period for other writers' outbox rows (2 minutes).</summary>
    private static readonly TimeSpan PastGrace = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Start_PublishFailsAfterSave_EventPublishedOnceMoreWithSameId()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await OneWavePlanAsync(harness);
        harness.Events.FailNextCalls(1);

        // Act
        var started = await harness.StartAsync(plan, pauseBeforeFirstWave: true);
        var id = started.Execution.ExecutionId;
        await harness.WaitUntilAsync(id, e => e.Status == ExecutionStatus.Paused);
        await WaitForEventAsync(harness, id, ExecutionEvents.Paused);
        harness.Clock.Advance(PastGrace);
        await harness.Engine.ReconcileActiveAsync(CancellationToken.None);
        var republishedByNextSweep = await harness.Engine.PublishPendingEventsAsync(CancellationToken.None);

        // Assert
        var offered = OfferedFor(harness, id, ExecutionEvents.Started);
        Assert.Equal(2, offered.Count); // the failed call, then exactly one more
        Assert.Equal(EventIdOf(offered[0]), EventIdOf(offered[1]));
        var accepted = Assert.Single(AcceptedFor(harness, id, ExecutionEvents.Started));
        Assert.Equal(offered[0].DetailJson, accepted.DetailJson);
        Assert.StartsWith(id + ".", EventIdOf(accepted), StringComparison.Ordinal);
        Assert.Equal(new[] { ExecutionEvents.Paused, ExecutionEvents.Started }.Order(), harness.Events.DetailTypesFor(id).Order());
        Assert.Equal(0, republishedByNextSweep);
        Assert.Empty(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Resume_PausedEventRejectedEarlier_NextStepPublishesItBeforeResumed()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await OneWavePlanAsync(harness);
        harness.Events.RejectNext(ExecutionEvents.Paused);
        var started = await harness.StartAsync(plan, pauseBeforeFirstWave: true);
        var id = started.Execution.ExecutionId;
        await harness.WaitUntilAsync(id, e => e.Status == ExecutionStatus.Paused);
        await WaitUntilAsync(() => OfferedFor(harness, id, ExecutionEvents.Paused).Count == 1);
        var leftBehind = await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None);
        harness.Clock.Advance(PastGrace);

        // Act
        await harness.Commands.ResumeAsync(id, "operator@example.com", CancellationToken.None);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.Equal([ExecutionEvents.Paused], leftBehind.Select(e => e.Event.DetailType));
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.Equal(
            [ExecutionEvents.Started, ExecutionEvents.Paused, ExecutionEvents.Resumed, ExecutionEvents.WaveCompleted, ExecutionEvents.Completed],
            harness.Events.DetailTypesFor(id));
        var paused = OfferedFor(harness, id, ExecutionEvents.Paused);
        Assert.Equal(2, paused.Count);
        Assert.Equal(leftBehind[0].EventId, EventIdOf(paused[1]));
        Assert.Empty(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Finalize_PutEventsRejectsOneEntryOfTwo_RejectedRowStaysAndIsPublishedLater()
    {
        // Arrange: the write that decides the last wave also ends the run, so it stores two events.
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await OneWavePlanAsync(harness);
        harness.Events.RejectNext(ExecutionEvents.Completed);

        // Act
        var started = await harness.StartAsync(plan);
        var id = started.Execution.ExecutionId;
        var execution = await harness.RunToEndAsync(started.Execution);
        await WaitUntilAsync(() => OfferedFor(harness, id, ExecutionEvents.Completed).Count == 1);
        harness.Clock.Advance(PastGrace);
        await harness.Engine.PublishPendingEventsAsync(CancellationToken.None);
        var sweptAgain = await harness.Engine.PublishPendingEventsAsync(CancellationToken.None);

        // Assert: the rejected entry went out once more under its stored ID (by the finalize step or the
        // finder, whichever read it first after the grace period); the accepted one was not repeated.
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        var completed = OfferedFor(harness, id, ExecutionEvents.Completed);
        Assert.Equal(2, completed.Count);
        Assert.Equal(EventIdOf(completed[0]), EventIdOf(completed[1]));
        Assert.Equal(EventIdOf(completed[0]), EventIdOf(Assert.Single(AcceptedFor(harness, id, ExecutionEvents.Completed))));
        Assert.Single(OfferedFor(harness, id, ExecutionEvents.WaveCompleted));
        Assert.Equal(
            [ExecutionEvents.Started, ExecutionEvents.WaveCompleted, ExecutionEvents.Completed],
            harness.Events.DetailTypesFor(id));
        Assert.Equal(0, sweptAgain);
        Assert.Empty(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task PublishPendingEvents_EventRejectedOnEveryAttempt_GivenUpAfterMaxAttemptsAndLoggedOnce()
    {
        // Arrange: EventBridge refuses the completion event itself (not a transient failure) every time.
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var log = new StringWriter();
        harness.Engine.ErrorLog = TextWriter.Synchronized(log);
        var plan = await OneWavePlanAsync(harness);
        harness.Events.RejectNext(ExecutionEvents.Completed, times: 100, errorCode: "MalformedDetail");
        // The harness clock runs at 600x, so the 2-minute grace is 0.2 s of real time: freeze it at the first
        // offer of the completion event, or a slow machine would pass the grace before the "too soon" sweep.
        harness.Events.Offering = e =>
        {
            if (e.DetailType == ExecutionEvents.Completed)
            {
                harness.Clock.Scale = 0;
            }
        };
        var started = await harness.StartAsync(plan);
        var id = started.Execution.ExecutionId;
        var execution = await harness.RunToEndAsync(started.Execution);
        await WaitUntilAsync(() => OfferedFor(harness, id, ExecutionEvents.Completed).Count == 1);
        var afterFirst = Assert.Single(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));

        // Act
        var sweptTooSoon = OfferedFor(harness, id, ExecutionEvents.Completed).Count;
        await harness.Engine.PublishPendingEventsAsync(CancellationToken.None);
        var afterImmediateSweep = OfferedFor(harness, id, ExecutionEvents.Completed).Count - sweptTooSoon;
        for (var sweep = 0; sweep < OrchestrationEngine.MaxPublishAttempts + 2; sweep++)
        {
            harness.Clock.Advance(PastGrace);
            await harness.Engine.PublishPendingEventsAsync(CancellationToken.None);
        }

        // Assert
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Equal(0, afterImmediateSweep);
        Assert.Equal(OrchestrationEngine.MaxPublishAttempts, OfferedFor(harness, id, ExecutionEvents.Completed).Count);
        Assert.Empty(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));
        var undeliverable = Assert.Single(await harness.Executions.GetUndeliverableEventsAsync(id, CancellationToken.None));
        Assert.Equal((afterFirst.EventId, OrchestrationEngine.MaxPublishAttempts, "MalformedDetail"), (undeliverable.EventId, undeliverable.Attempts, undeliverable.LastErrorCode));
        Assert.Equal(1, harness.Engine.Counters.EventsUndeliverableCount);
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var logged = JsonDocument.Parse(line);
        Assert.Equal("ERROR", logged.RootElement.GetProperty("level").GetString());
        Assert.Equal(afterFirst.EventId, logged.RootElement.GetProperty("eventId").GetString());
        Assert.Equal("MalformedDetail", logged.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal(id, logged.RootElement.GetProperty("executionId").GetString());
    }

    [Fact]
    public async Task PublishPendingEvents_EventBridgeFailingInternally_NeverCountedAsAnAttempt()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await OneWavePlanAsync(harness);
        harness.Events.RejectNext(ExecutionEvents.Completed, times: OrchestrationEngine.MaxPublishAttempts + 1);
        var started = await harness.StartAsync(plan);
        var id = started.Execution.ExecutionId;
        await harness.RunToEndAsync(started.Execution);
        await WaitUntilAsync(() => OfferedFor(harness, id, ExecutionEvents.Completed).Count == 1);

        // Act
        for (var sweep = 0; sweep < OrchestrationEngine.MaxPublishAttempts + 1; sweep++)
        {
            harness.Clock.Advance(PastGrace);
            await harness.Engine.PublishPendingEventsAsync(CancellationToken.None);
        }

        // Assert: the outage outlasted the attempt limit, and the event still went out once it ended.
        Assert.Single(AcceptedFor(harness, id, ExecutionEvents.Completed));
        Assert.Empty(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));
        Assert.Empty(await harness.Executions.GetUndeliverableEventsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task TrackTerminations_TerminatingRunOlderThanNewestFifty_TrackedToCompletion()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await OneWavePlanAsync(harness);
        var started = await harness.StartAsync(plan);
        var drill = await harness.RunToEndAsync(started.Execution);
        Assert.Equal(ExecutionStatus.Completed, drill.Status);
        await harness.Commands.TerminateInstancesAsync(drill.ExecutionId, "operator@example.com", confirmRecovery: false, CancellationToken.None);
        for (var i = 0; i < 55; i++)
        {
            // Newer runs, each of its own plan, stored as the API stores them.
            var newer = new RecoveryPlanBuilder().WithId("plan-" + Guid.NewGuid().ToString("N")).WithName($"newer-{i}")
                .WithWave("all", "pg-newer").WithKnownGroups("pg-newer").Build();
            await harness.Executions.CreateAsync(
                Execution.Create("exec-" + Guid.NewGuid().ToString("N"), newer, ExecutionType.Drill, "operator@example.com", InvocationSource.Api, null, harness.Clock.GetUtcNow()),
                [],
                CancellationToken.None);
        }

        var newestFifty = await harness.Executions.ListAsync(null, new Domain.Ports.Persistence.PageRequest(50), CancellationToken.None);

        // Act
        Execution tracked;
        var sweeps = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            sweeps += await harness.Engine.TrackTerminationsAsync(CancellationToken.None) > 0 ? 1 : 0;
            tracked = await harness.LoadAsync(drill.ExecutionId);
            await Task.Delay(20);
        }
        while (tracked.Record.Termination.Status == TerminationStatus.InProgress && DateTime.UtcNow < deadline);
        var afterCompletion = await harness.Engine.TrackTerminationsAsync(CancellationToken.None);

        // Assert
        Assert.DoesNotContain(newestFifty.Items, s => s.ExecutionId == drill.ExecutionId);
        Assert.Equal(TerminationStatus.Completed, tracked.Record.Termination.Status);
        Assert.All(tracked.Waves.SelectMany(w => w.Servers), s => Assert.Equal(ServerLaunchStatus.Terminated, s.LaunchStatus));
        Assert.True(sweeps > 0);
        Assert.Equal(0, afterCompletion);
    }

    [Fact]
    public async Task ReconcileActive_OneRunUnreadable_OtherRunsAndOutboxSweepStillServed()
    {
        // Arrange: an ended run whose Completed event the bus rejected, and a finder whose store has one
        // active run it cannot read (a broken spoke account or a corrupt item would do the same).
        await using var harness = await EngineHarness.StartAsync(dynamo);
        var plan = await OneWavePlanAsync(harness);
        harness.Events.RejectNext(ExecutionEvents.Completed);
        var started = await harness.StartAsync(plan);
        var id = started.Execution.ExecutionId;
        await harness.RunToEndAsync(started.Execution);
        await WaitUntilAsync(() => OfferedFor(harness, id, ExecutionEvents.Completed).Count == 1);
        var broken = new ExecutionSummary("exec-unreadable", plan.PlanId, plan.Name, ExecutionType.Drill, ExecutionStatus.Running, "operator@example.com", harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow(), null, 0, 1, 3);
        var finder = new OrchestrationEngine(
            UnreadableExecutionRepository.Wrap(harness.Executions, broken), harness.Groups, harness.CrashInjector, harness.Ec2, harness.Runner, harness.Events, harness.Clock,
            new EngineOptions(harness.StateMachineArn, CapacityWaitSeconds: 30));
        using var errors = new StringWriter();
        finder.ErrorLog = errors;
        harness.Clock.Advance(PastGrace);

        // Act
        var examined = await finder.ReconcileActiveAsync(CancellationToken.None);

        // Assert: the unreadable run was logged and counted, and the sweep still published the event.
        Assert.Equal(1, examined);
        Assert.Equal(1, finder.Counters.ReconcileFailures);
        Assert.Contains("\"event\":\"RECONCILE_FAILED\"", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("exec-unreadable", errors.ToString(), StringComparison.Ordinal);
        Assert.Single(AcceptedFor(harness, id, ExecutionEvents.Completed));
        Assert.Empty(await harness.Executions.GetPendingEventsAsync(id, CancellationToken.None));
    }

    private static async Task<RecoveryPlan> OneWavePlanAsync(EngineHarness harness)
    {
        var group = await harness.CreateGroupAsync("outbox", Account, Region, harness.ServerIds(Account, Region).Take(2));
        return new RecoveryPlanBuilder().WithId("plan-" + Guid.NewGuid().ToString("N")).WithName("outbox")
            .WithWave("all", group.GroupId).WithKnownGroups(group.GroupId).Build();
    }

    private static List<PublishedEvent> OfferedFor(EngineHarness harness, string executionId, string detailType) =>
        [.. harness.Events.Offered.Where(e => e.DetailType == detailType && ExecutionIdOf(e) == executionId)];

    private static List<PublishedEvent> AcceptedFor(EngineHarness harness, string executionId, string detailType) =>
        [.. harness.Events.Events.Where(e => e.DetailType == detailType && ExecutionIdOf(e) == executionId)];

    private static string EventIdOf(PublishedEvent published)
    {
        using var detail = JsonDocument.Parse(published.DetailJson);
        return detail.RootElement.GetProperty("eventId").GetString()!;
    }

    private static string ExecutionIdOf(PublishedEvent published)
    {
        using var detail = JsonDocument.Parse(published.DetailJson);
        return detail.RootElement.GetProperty("executionId").GetString()!;
    }

    private static Task WaitForEventAsync(EngineHarness harness, string executionId, string detailType) =>
        WaitUntilAsync(() => AcceptedFor(harness, executionId, detailType).Count > 0);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition never held.");
            }

            await Task.Delay(20);
        }
    }
}
