using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class WaitTests
{
    [Fact]
    public async Task Wait_Seconds_EndsOnlyWhenTheClockHasMoved()
    {
        // Arrange
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(
            ("W", new JsonObject { ["Type"] = "Wait", ["Seconds"] = 600, ["Next"] = "Done" }),
            ("Done", Asl.Succeed()));
        var arn = await harness.StartAsync(harness.Load(definition));
        await harness.WaitForEventAsync(arn, "WaitStateEntered");

        // Act: ten virtual minutes pass in one step; no real time is spent waiting.
        var moved = await harness.Clock.AdvanceToNextTimerAsync(RunnerHarness.Patience);
        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(600), moved);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        var exited = harness.Runner.GetExecutionHistory(arn).Single(e => e.Type == "WaitStateExited");
        Assert.Equal(result.StartDate.AddSeconds(600), exited.Timestamp);
    }

    [Fact]
    public async Task Wait_BeforeTheClockReachesTheEnd_StillRunning()
    {
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(
            ("W", new JsonObject { ["Type"] = "Wait", ["SecondsPath"] = "$.delay", ["Next"] = "Done" }),
            ("Done", Asl.Succeed()));
        var arn = await harness.StartAsync(harness.Load(definition), """{"delay":90}""");
        await harness.WaitForEventAsync(arn, "WaitStateEntered");
        while (harness.Clock.PendingTimers == 0)
        {
            await Task.Yield();
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(89));
        var before = await harness.Runner.DescribeExecutionAsync(arn, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        Assert.Equal(ExecutionStatuses.Running, before.Status);
        Assert.Equal(ExecutionStatuses.Succeeded, after.Status);
        Assert.Equal(after.StartDate.AddSeconds(90), after.StopDate);
    }

    [Fact]
    public async Task Wait_SecondsPathNotANumber_FailsWithStatesRuntime()
    {
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(
            ("W", new JsonObject { ["Type"] = "Wait", ["SecondsPath"] = "$.delay", ["Next"] = "Done" }),
            ("Done", Asl.Succeed()));

        var result = await harness.RunAsync(definition, """{"delay":"soon"}""");

        Assert.Equal("States.Runtime", result.Error);
    }
}
