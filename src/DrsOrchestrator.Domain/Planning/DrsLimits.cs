namespace DrsOrchestrator.Domain.Planning;

/// <summary>DRS's per account-and-region limits. Configurable so tests can use small figures and operators raised quotas.</summary>
public sealed record DrsLimits
{
    public static DrsLimits Default { get; } = new();

    public int MaxServersPerJob { get; init; } = 100;

    public int MaxConcurrentJobs { get; init; } = 20;

    public int MaxServersInActiveJobs { get; init; } = 500;

    public int MaxReplicatingServers { get; init; } = 300;

    public void EnsureUsable()
    {
        if (MaxServersPerJob < 1 || MaxConcurrentJobs < 1 || MaxServersInActiveJobs < 1 || MaxReplicatingServers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DrsLimits), "Every DRS limit must be at least 1.");
        }
    }
}
