using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Tests.Common.Simulator;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task RunDrill_SameSeed_SameIdsAndLogTimes()
    {
        var first = await RunDrillAsync(seed: 7);
        var second = await RunDrillAsync(seed: 7);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RunDrill_DifferentSeed_DifferentDurations()
    {
        var first = await RunDrillAsync(seed: 7);
        var second = await RunDrillAsync(seed: 8);

        Assert.NotEqual(first, second);
    }

    private static async Task<string> RunDrillAsync(int seed)
    {
        var scenario = new SimulatorScenarioBuilder().Account("111111111111").Region("us-east-1").Servers(5).Server("win-01", "WINDOWS").Build();
        await using var simulator = new DrsSimulator(new SimulatorOptions { Scenario = scenario, Seed = seed, Clock = Clock.VirtualClock.Manual(DrsSimulatorFixture.StartTime) });
        var caller = CallerIdentity.ForAccount("111111111111", "us-east-1");
        var ids = simulator.SourceServersOf("111111111111", "us-east-1").Select(s => new RecoveryServerRequest(s.SourceServerId)).ToList();
        var job = simulator.StartRecovery(caller, isDrill: true, ids);
        await simulator.AdvanceAsync(TimeSpan.FromMinutes(30));
        var log = simulator.DescribeJobLogItems(caller, job.JobId).Items;
        return job.JobId + "|" + string.Join(",", ids.Select(i => i.SourceServerId)) + "|"
            + string.Join(";", log.Select(l => $"{l.Event}@{l.LogDateTime:O}/{l.SourceServerId}/{l.TargetInstanceId}"));
    }
}
