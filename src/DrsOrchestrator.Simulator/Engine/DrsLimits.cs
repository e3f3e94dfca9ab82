namespace DrsOrchestrator.Simulator.Engine;

/// <summary>DRS service quotas, enforced per account + region. Defaults are DRS's published defaults.</summary>
public sealed record DrsLimits
{
    public static DrsLimits Default { get; } = new();

    public int MaxServersPerJob { get; init; } = 100;

    public int MaxConcurrentJobs { get; init; } = 20;

    public int MaxServersInActiveJobs { get; init; } = 500;

    public int MaxReplicatingServers { get; init; } = 300;

    /// <summary>The API model's upper bound on StartRecovery.sourceServers; above it the request is invalid.</summary>
    public int MaxServersPerRequest { get; init; } = 200;

    public int MaxPageSize { get; init; } = 1000;
}
