using System.Net;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Faults;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Simulator;

/// <summary>How to build a simulator (and, for <see cref="DrsSimulatorServer"/>, where to listen).</summary>
public sealed record SimulatorOptions
{
    /// <summary>The fleet; null starts with no accounts (add them with <see cref="DrsSimulator.LoadScenario"/>).</summary>
    public SimulatorScenario? Scenario { get; init; }

    /// <summary>Seeds IDs, stage durations and fault draws: the same seed and calls replay the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A clock to share with the rest of a test or host; when null one is made from <see cref="TimeScale"/>.</summary>
    public VirtualClock? Clock { get; init; }

    /// <summary>Virtual seconds per real second for the clock made when <see cref="Clock"/> is null; 0 = manual.</summary>
    public double TimeScale { get; init; } = 60;

    /// <summary>Virtual start time for the clock made when <see cref="Clock"/> is null; default: now.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public StageDurations Durations { get; init; } = StageDurations.Default;

    public DrsLimits Limits { get; init; } = DrsLimits.Default;

    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Check SigV4 signatures whenever the secret is known (sessions it issued, scenario-pinned keys).</summary>
    public bool VerifySignatures { get; init; } = true;

    /// <summary>Must be a loopback address; anything else is refused.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Real-time interval at which the server moves jobs along a scaled clock.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Oldest call records are discarded beyond this many.</summary>
    public int MaxCallRecords { get; init; } = 200_000;

    /// <summary>Lifetime of AssumeRole sessions when the caller does not ask for one.</summary>
    public TimeSpan DefaultSessionDuration { get; init; } = TimeSpan.FromHours(1);
}
