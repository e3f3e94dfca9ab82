using Amazon.Runtime;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Engine;

namespace DrsOrchestrator.Aws.Tests.Drs;

/// <summary>
/// The DRS simulator on a free loopback port with a manual virtual clock, plus the production client
/// stack pointed at it. Each test owns one, so jobs and faults never leak between tests.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private readonly List<IDisposable> disposables = [];

    private SimulatorHarness(DrsSimulatorServer server, VirtualClock clock)
    {
        Server = server;
        Clock = clock;
    }

    public DrsSimulatorServer Server { get; }

    public DrsSimulator Simulator => Server.Simulator;

    public VirtualClock Clock { get; }

    public static async Task<SimulatorHarness> StartAsync(SimulatedFleet? fleet = null, DrsLimits? limits = null)
    {
        // Starts at real now: clients on the system clock and the simulator then agree on when sessions expire.
        var clock = VirtualClock.Manual(TimeProvider.System.GetUtcNow());
        var server = await DrsSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = (fleet ?? new SimulatedFleet()).Build(),
            Clock = clock,
            Seed = 42,
            Limits = limits ?? DrsLimits.Default,
        });
        return new SimulatorHarness(server, clock);
    }

    /// <summary>Client options aimed at the simulator; the clock is the simulator's, so session expiry is judged in its time.</summary>
    public AwsClientOptions ClientOptions(RetryOptions? retry = null) =>
        new(Server.BaseAddress, retry ?? new RetryOptions(MaxAttempts: 5, BaseDelay: TimeSpan.Zero), TimeSpan.FromSeconds(30), TimeProvider: TimeProvider.System);

    public IDrsClient HubDrs(string region = SimulatedFleet.Region, RetryOptions? retry = null) =>
        AwsClients.Drs(SimulatedFleet.HubAccountId, region, new StaticCredentialSource(SimulatedFleet.HubAccessKey, SimulatedFleet.HubSecret), ClientOptions(retry));

    public AccountCredentials AccountCredentials(IAccountAccessResolver resolver, TimeProvider? time = null)
    {
        var options = new CrossAccountOptions(
            SimulatedFleet.HubAccountId,
            new BasicAWSCredentials(SimulatedFleet.HubAccessKey, SimulatedFleet.HubSecret),
            SimulatedFleet.Region,
            ClientOptions() with { TimeProvider = time ?? TimeProvider.System });
        var credentials = new AccountCredentials(options, resolver);
        disposables.Add(credentials);
        return credentials;
    }

    public IReadOnlyList<string> ServerIds(string accountId = SimulatedFleet.HubAccountId, string region = SimulatedFleet.Region) =>
        Simulator.SourceServersOf(accountId, region).Select(s => s.SourceServerId).Order(StringComparer.Ordinal).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }

        await Server.DisposeAsync();
    }
}
