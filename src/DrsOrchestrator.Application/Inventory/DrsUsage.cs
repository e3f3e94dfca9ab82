using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;

namespace DrsOrchestrator.Application.Inventory;

/// <summary>What DRS reports as in use in one account and region; a null figure could not be read (never assumed zero).</summary>
/// <param name="ReplicatingServers">Source servers that count against the replicating-server quota (not disconnected or stopped).</param>
public sealed record DrsUsage(
    AccountRegion Location,
    int? ActiveJobs,
    int? ServersInActiveJobs,
    int? SourceServers,
    int? ReplicatingServers,
    string? Error,
    DateTimeOffset ReadAt)
{
    public QuotaUsageReading ToReading() => new(Location, ActiveJobs, ServersInActiveJobs, ReplicatingServers);
}
