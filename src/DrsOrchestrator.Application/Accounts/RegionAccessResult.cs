namespace DrsOrchestrator.Application.Accounts;

/// <param name="ErrorCode">The failing service's error name (e.g. AccessDenied) when a step failed.</param>
public sealed record RegionAccessResult(string Region, bool AssumedRole, bool DrsReachable, string? ErrorCode, string? ErrorMessage);
