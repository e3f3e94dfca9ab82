namespace DrsOrchestrator.Domain.Ports.Accounts;

/// <param name="AssumedRole">AssumeRole succeeded (always true for the hub's own account).</param>
/// <param name="DrsReachable">A DRS read call succeeded with the resulting credentials.</param>
/// <param name="ErrorCode">The failing service's error name when a step failed.</param>
public sealed record AccountAccessCheck(bool AssumedRole, bool DrsReachable, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => AssumedRole && DrsReachable;
}
