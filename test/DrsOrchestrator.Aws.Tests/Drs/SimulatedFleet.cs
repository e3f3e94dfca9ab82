using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Aws.Tests.Drs;

/// <summary>Builds the simulated accounts the wire tests run against: a hub and a spoke reached by role + external id.</summary>
internal sealed class SimulatedFleet
{
    public const string HubAccountId = "100000000001";
    public const string SpokeAccountId = "200000000002";
    public const string HubSecret = "hub-secret-for-tests";
    public const string SpokeExternalId = "spoke-external-id-test";
    public const string SpokeRoleName = "DrsOrchestratorSpokeRole";
    public const string Region = "us-east-1";
    public const string OtherRegion = "eu-west-1";

    private int hubServers = 3;
    private int spokeServers = 3;

    public static string HubAccessKey => "AKIASIM" + HubAccountId;

    public static string SpokeRoleArn => $"arn:aws:iam::{SpokeAccountId}:role/{SpokeRoleName}";

    public SimulatedFleet WithHubServers(int count)
    {
        hubServers = count;
        return this;
    }

    public SimulatedFleet WithSpokeServers(int count)
    {
        spokeServers = count;
        return this;
    }

    public SimulatorScenario Build() => new()
    {
        Name = "wire-tests",
        Accounts =
        [
            new ScenarioAccount
            {
                AccountId = HubAccountId,
                Name = "hub",
                SecretAccessKey = HubSecret,
                Regions = [RegionOf(HubAccountId, Region, hubServers), RegionOf(HubAccountId, OtherRegion, 1)],
            },
            new ScenarioAccount
            {
                AccountId = SpokeAccountId,
                Name = "spoke",
                ExternalId = SpokeExternalId,
                RoleName = SpokeRoleName,
                Regions = [RegionOf(SpokeAccountId, Region, spokeServers)],
            },
        ],
    };

    private static ScenarioRegion RegionOf(string accountId, string region, int servers) => new()
    {
        Region = region,
        Servers = Enumerable.Range(1, servers).Select(i => new ScenarioServer
        {
            Hostname = $"app-{accountId[^2..]}-{region}-{i:D3}",
            Os = i % 3 == 0 ? "WINDOWS" : "LINUX",
            Ips = [$"10.{i / 250}.{i % 250}.10"],
            Tags = new Dictionary<string, string> { ["Application"] = "wire-test", ["Index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            LagSeconds = 2,
        }).ToList(),
    };
}
