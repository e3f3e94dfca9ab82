using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Scenarios;
using Xunit;

namespace DrsOrchestrator.Tests.Common.Simulator;

/// <summary>
/// Starts the DRS simulator over HTTP on loopback with the three-tier sample fleet and a manual clock
/// (time moves only through <c>Simulator.AdvanceAsync</c>), so tests in any project are repeatable.
/// Use as an xunit class fixture, or call <see cref="InitializeAsync"/> yourself.
/// </summary>
public sealed class DrsSimulatorFixture : IAsyncLifetime
{
    /// <summary>The virtual time every fixture starts at.</summary>
    public static readonly DateTimeOffset StartTime = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private DrsSimulatorServer? _server;

    public DrsSimulatorFixture()
        : this(new SimulatorOptions
        {
            Scenario = ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample),
            Seed = 42,
            Clock = VirtualClock.Manual(StartTime),
        })
    {
    }

    public DrsSimulatorFixture(SimulatorOptions options)
    {
        Options = options;
    }

    public SimulatorOptions Options { get; }

    public DrsSimulatorServer Server => _server ?? throw new InvalidOperationException("The simulator has not been started.");

    /// <summary>Endpoint override for DRS and STS clients.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    public DrsSimulator Simulator => Server.Simulator;

    public async Task InitializeAsync() => _server = await DrsSimulatorServer.StartAsync(Options).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
