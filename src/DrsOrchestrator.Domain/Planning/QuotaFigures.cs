namespace DrsOrchestrator.Domain.Planning;

/// <param name="Quota">Which limit, e.g. "concurrentJobs" or "serversInActiveJobs".</param>
public sealed record QuotaFigures(string Quota, int Limit, int InUse, int Requested);
