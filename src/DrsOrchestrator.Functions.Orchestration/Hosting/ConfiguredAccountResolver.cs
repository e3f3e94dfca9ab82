using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Functions.Orchestration.Hosting;

/// <summary>
/// Spoke accounts from the function's configuration: every registered spoke is reached through the same
/// role name with its own external id; the hub needs no role.
/// </summary>
public sealed class ConfiguredAccountResolver(string hubAccountId, string spokeRoleName, IReadOnlyDictionary<string, string> externalIds) : IAccountAccessResolver
{
    public Task<AccountAccess?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        if (accountId == hubAccountId)
        {
            return Task.FromResult<AccountAccess?>(new AccountAccess(accountId, null, null));
        }

        return Task.FromResult(externalIds.TryGetValue(accountId, out var externalId)
            ? new AccountAccess(accountId, $"arn:aws:iam::{accountId}:role/{spokeRoleName}", externalId)
            : null);
    }
}
