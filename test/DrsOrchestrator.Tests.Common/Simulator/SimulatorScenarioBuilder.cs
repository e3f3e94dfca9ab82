using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Tests.Common.Simulator;

/// <summary>
/// Builds simulator fleets for tests: <c>new SimulatorScenarioBuilder().Account("111111111111").Region("us-east-1").Servers(5, "web").Build()</c>.
/// Servers are added to the most recent account and region.
/// </summary>
public sealed class SimulatorScenarioBuilder
{
    private readonly List<(ScenarioAccount Account, List<(string Region, List<ScenarioServer> Servers)> Regions)> _accounts = [];

    public SimulatorScenarioBuilder Account(string accountId, string? externalId = null, string? roleName = null, string? secretAccessKey = null)
    {
        _accounts.Add((new ScenarioAccount { AccountId = accountId, ExternalId = externalId, RoleName = roleName, SecretAccessKey = secretAccessKey }, []));
        return this;
    }

    public SimulatorScenarioBuilder Region(string region)
    {
        Current.Regions.Add((region, []));
        return this;
    }

    public SimulatorScenarioBuilder Server(ScenarioServer server)
    {
        CurrentRegion.Servers.Add(server);
        return this;
    }

    public SimulatorScenarioBuilder Server(string hostname, string os = "LINUX", IReadOnlyDictionary<string, string>? tags = null, string replicationState = "CONTINUOUS", bool archived = false) =>
        Server(new ScenarioServer { Hostname = hostname, Os = os, Tags = tags, ReplicationState = replicationState, Archived = archived });

    /// <summary>Adds <paramref name="count"/> Linux servers named prefix-0001, prefix-0002, ...</summary>
    public SimulatorScenarioBuilder Servers(int count, string prefix = "server", string os = "LINUX")
    {
        for (var i = 1; i <= count; i++)
        {
            Server($"{prefix}-{i:D4}", os);
        }

        return this;
    }

    public SimulatorScenario Build(string name = "test") => new()
    {
        Name = name,
        Accounts = [.. _accounts.Select(a => a.Account with
        {
            Regions = [.. a.Regions.Select(r => new ScenarioRegion { Region = r.Region, Servers = [.. r.Servers] })],
        })],
    };

    private (ScenarioAccount Account, List<(string Region, List<ScenarioServer> Servers)> Regions) Current =>
        _accounts.Count > 0 ? _accounts[^1] : throw new InvalidOperationException("Call Account(...) first.");

    private (string Region, List<ScenarioServer> Servers) CurrentRegion =>
        Current.Regions.Count > 0 ? Current.Regions[^1] : throw new InvalidOperationException("Call Region(...) first.");
}
