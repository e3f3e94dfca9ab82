namespace DrsOrchestrator.Simulator.Faults;

/// <summary>
/// Faults applied at runtime. Replace the whole record (<c>simulator.Faults = simulator.Faults with { ... }</c>)
/// so that each call sees one consistent set. Rates are fractions 0..1 drawn from the seeded generator.
/// </summary>
public sealed record FaultSettings
{
    public static FaultSettings None { get; } = new();

    /// <summary>Fraction of DRS calls answered with 429 ThrottlingException.</summary>
    public double ThrottleRate { get; init; }

    public int ThrottleRetryAfterSeconds { get; init; } = 1;

    /// <summary>Fraction of DRS calls answered with 500 InternalServerException.</summary>
    public double InternalErrorRate { get; init; }

    /// <summary>Operations the two rates apply to; empty means every DRS operation.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    /// <summary>Source servers whose launch fails (LAUNCH_FAILED, RECOVERY_LAUNCH_FAILED).</summary>
    public IReadOnlyList<string> FailLaunchSourceServerIds { get; init; } = [];

    /// <summary>Hostnames whose launch fails; handy when a scenario generates the server IDs.</summary>
    public IReadOnlyList<string> FailLaunchHostnames { get; init; } = [];

    /// <summary>Fraction of launches that fail regardless of the server.</summary>
    public double LaunchFailureRate { get; init; }

    /// <summary>Fraction of launch-result events never delivered (EventBridge is best effort).</summary>
    public double DropEventRate { get; init; }

    /// <summary>Source servers whose launch-result events are never delivered.</summary>
    public IReadOnlyList<string> DropEventSourceServerIds { get; init; } = [];

    /// <summary>Virtual delay between a launch finishing and its event being delivered.</summary>
    public TimeSpan EventDelay { get; init; }
}
