using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Application.Accounts;

/// <summary>The outcome of assuming the account's role and calling DRS in each of its regions.</summary>
public sealed record AccountValidationResult(string AccountId, bool Valid, IReadOnlyList<RegionAccessResult> Regions, DateTimeOffset CheckedAt, TargetAccount Account);
