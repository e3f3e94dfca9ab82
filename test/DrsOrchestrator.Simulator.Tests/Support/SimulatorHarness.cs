using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Tests.Common.Simulator;

namespace DrsOrchestrator.Simulator.Tests.Support;

/// <summary>A simulator server on loopback with a manual clock, plus signed clients for it.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string Account1 = "111111111111";
    public const string Account2 = "222222222222";
    public const string East = "us-east-1";
    public const string West = "us-west-2";

    private readonly List<SimulatorClient> _clients = [];

    private SimulatorHarness(DrsSimulatorServer server) => Server = server;

    public DrsSimulatorServer Server { get; }

    public DrsSimulator Simulator => Server.Simulator;

    public static async Task<SimulatorHarness> StartAsync(SimulatorScenario? scenario = null, int seed = 42, Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            Scenario = scenario ?? ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample),
            Seed = seed,
            Clock = VirtualClock.Manual(DrsSimulatorFixture.StartTime),
        };
        return new SimulatorHarness(await DrsSimulatorServer.StartAsync(configure?.Invoke(options) ?? options));
    }

    public SimulatorClient Client(string accountId = Account1, string region = East) => Client(TestCredentials.Hub(accountId), region);

    public SimulatorClient Client(TestCredentials credentials, string region = East)
    {
        var client = new SimulatorClient(Server.BaseAddress, credentials, region);
        _clients.Add(client);
        return client;
    }

    public IReadOnlyList<SimSourceServer> Servers(string accountId = Account1, string region = East) =>
        Simulator.SourceServersOf(accountId, region);

    public IReadOnlyList<string> RecoverableIds(string accountId = Account1, string region = East) =>
        [.. Servers(accountId, region).Where(s => !s.IsArchived && s.ReplicationState != "DISCONNECTED").Select(s => s.SourceServerId)];

    public static object StartRecoveryBody(IEnumerable<string> serverIds, bool isDrill = true, IReadOnlyDictionary<string, string>? tags = null) => new
    {
        isDrill,
        sourceServers = serverIds.Select(id => new { sourceServerID = id }).ToArray(),
        tags = tags ?? new Dictionary<string, string>(),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }
}
