using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Accounts;

/// <summary>Reaches a spoke through the role and external id registered for it (POST /accounts).</summary>
public sealed class RepositoryAccountAccessResolver(ITargetAccountRepository accounts) : IAccountAccessResolver
{
    public async Task<AccountAccess?> FindAsync(string accountId, CancellationToken cancellationToken) =>
        await accounts.GetAsync(accountId, cancellationToken).ConfigureAwait(false) is { } account
            ? new AccountAccess(account.AccountId, account.RoleArn, account.ExternalId)
            : null;
}
