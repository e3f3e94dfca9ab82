using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Orchestration.Tests.Support;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Engine;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests;

[Collection(EngineCollection.Name)]
public sealed class EventDrivenCompletionTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task Run_NoLaunchEventDropped_EveryWaveReleasedByEventsWithoutReconcile()
    {
        // Arrange: the await timeout (2 virtual hours, 12 real seconds) is far beyond any launch, so a
        // reconcile could only come from a wave the event path failed to release.
        await using var harness = await EngineHarness.StartAsync(dynamo, awaitTimeoutSeconds: 7200);
        var plan = await SampleFleetPlan.CreateAsync(harness);

        // Act
        var started = await harness.StartAsync(plan);
        var execution = await harness.RunToEndAsync(started.Execution);

        // Assert
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        var history = harness.Runner.GetExecutionHistory(harness.WorkflowArnOf(execution));
        Assert.DoesNotContain(history, e => e.StateName == "ReconcileWave");
        Assert.DoesNotContain(history, e => e.Type == "TaskTimedOut");
        Assert.Equal(0, harness.Engine.Counters.WavesReconciled);
        Assert.Equal(execution.Waves.Count, history.Count(e => e.Type == "TaskSucceeded" && e.StateName == "AwaitWave"));
        Assert.InRange(harness.Engine.Counters.TokensReleasedByEvents, 1, execution.Waves.Count);
        Assert.Empty(harness.PollerErrors);
    }
}
