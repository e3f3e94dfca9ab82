using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Planning;

/// <summary>Figures read from DRS for one account and region; null where the read failed.</summary>
public sealed record QuotaUsageReading(AccountRegion Location, int? ActiveJobs, int? ServersInActiveJobs, int? ReplicatingServers);
