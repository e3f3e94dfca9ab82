namespace DrsOrchestrator.Simulator.Clock;

/// <summary>
/// Mean virtual durations of each recovery stage. Each server draws its own durations from a seeded
/// generator (mean ± <see cref="Jitter"/>), so the same seed replays the same drill to the second.
/// Defaults follow what operators see on DRS: about 5 minutes for a Linux server and 20 for Windows.
/// </summary>
public sealed record StageDurations
{
    public static StageDurations Default { get; } = new();

    /// <summary>PENDING to STARTED for a job.</summary>
    public TimeSpan JobStart { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan LinuxSnapshot { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan LinuxConversion { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan LinuxLaunch { get; init; } = TimeSpan.FromSeconds(110);

    public TimeSpan WindowsSnapshot { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan WindowsConversion { get; init; } = TimeSpan.FromSeconds(660);

    public TimeSpan WindowsLaunch { get; init; } = TimeSpan.FromSeconds(410);

    /// <summary>Recovery instance shutdown during a terminate job.</summary>
    public TimeSpan Terminate { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fraction (0..1) by which each drawn duration may deviate from its mean.</summary>
    public double Jitter { get; init; } = 0.2;
}
