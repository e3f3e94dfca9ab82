namespace DrsOrchestrator.Domain.Planning;

/// <summary>What is already running in one account and region: DRS jobs not yet COMPLETED and the servers in them.</summary>
public sealed record CapacityUsage(int ActiveJobs, int ServersInActiveJobs)
{
    public static CapacityUsage None { get; } = new(0, 0);

    public CapacityUsage Plus(PlannedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new CapacityUsage(ActiveJobs + 1, ServersInActiveJobs + job.SourceServerIds.Count);
    }
}
