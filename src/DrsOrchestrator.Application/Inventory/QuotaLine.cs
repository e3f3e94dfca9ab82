namespace DrsOrchestrator.Application.Inventory;

/// <param name="Name">sourceServersPerJob | concurrentJobs | serversInActiveJobs | replicatingServers.</param>
/// <param name="InUse">Null when DRS could not be read: shown as unknown, never as zero.</param>
/// <param name="Status">OK | NEAR_LIMIT (80 % or more) | AT_LIMIT | UNKNOWN | STATIC (a per-job limit with no usage).</param>
public sealed record QuotaLine(string Name, int Limit, int? InUse, int? Available, string Status);
