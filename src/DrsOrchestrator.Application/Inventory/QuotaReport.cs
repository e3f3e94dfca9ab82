namespace DrsOrchestrator.Application.Inventory;

/// <param name="Error">Why usage could not be read, or null.</param>
public sealed record QuotaReport(string AccountId, string Region, IReadOnlyList<QuotaLine> Quotas, int? SourceServers, string? Error, DateTimeOffset ReadAt);
