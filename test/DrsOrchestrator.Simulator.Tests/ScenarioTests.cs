using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Tests.Common.Simulator;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void LoadSample_ThreeTier_TwoAccountsTwoRegionsAllTiersAboutThirtyServers()
    {
        var scenario = ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample);

        var servers = scenario.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Servers).ToList();
        Assert.Equal(["111111111111", "222222222222"], scenario.Accounts.Select(a => a.AccountId));
        Assert.All(scenario.Accounts, a => Assert.Equal(["us-east-1", "us-west-2"], a.Regions.Select(r => r.Region)));
        Assert.InRange(servers.Count, 25, 35);
        Assert.Equal(["app", "db", "web"], servers.Select(s => s.Tags!["Tier"]).Distinct().Order());
        Assert.All(servers, s => Assert.True(s.Tags!.ContainsKey("Application")));
        Assert.Contains(servers, s => s.Os == "WINDOWS");
        Assert.Contains(ScenarioLoader.ThreeTierSample, ScenarioLoader.SampleNames);
    }

    [Fact]
    public void LoadSample_UnknownName_ThrowsListingKnownSamples()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadSample("nope"));

        Assert.Contains("three-tier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidScenario_ReportsEveryProblem()
    {
        const string json = """
            {"accounts":[{"accountId":"12345","regions":[{"region":"mars-1","servers":[
              {"hostname":"","os":"BEOS","replicationState":"NAPPING","ips":["not-an-ip"]}]}]}]}
            """;

        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(json));

        Assert.Contains(error.Errors, e => e.Contains("12 digits", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("region name", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("no hostname", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("LINUX or WINDOWS", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("NAPPING", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("not-an-ip", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_ThrowsValidationException()
    {
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("{oops"));
    }

    [Fact]
    public void Validate_MoreReplicatingServersThanQuota_Rejected()
    {
        var scenario = new SimulatorScenarioBuilder().Account("111111111111").Region("us-east-1").Servers(301).Build();

        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Validate(scenario, DrsLimits.Default));

        Assert.Contains(error.Errors, e => e.Contains("301 replicating servers", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DisconnectedServersBeyondQuota_Accepted()
    {
        var builder = new SimulatorScenarioBuilder().Account("111111111111").Region("us-east-1").Servers(300);
        builder.Server("old-01", replicationState: "DISCONNECTED");

        ScenarioLoader.Validate(builder.Build(), DrsLimits.Default);
    }

    [Fact]
    public async Task LoadScenario_SampleInSimulator_ServersCarryScenarioDetails()
    {
        await using var simulator = new DrsSimulator(new SimulatorOptions { Scenario = ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample), TimeScale = 0 });

        var db = simulator.SourceServersOf("222222222222", "us-east-1").First(s => s.Hostname == "payments-db-01");

        Assert.Equal("WINDOWS", db.Os);
        Assert.Equal("Payments", db.Tags["Application"]);
        Assert.Equal("db", db.Tags["Tier"]);
        Assert.Equal($"arn:aws:drs:us-east-1:222222222222:source-server/{db.SourceServerId}", db.Arn);
        Assert.Equal(29, simulator.SourceServerCount);
    }
}
