namespace DrsOrchestrator.Domain.Ports.Accounts;

/// <summary>Looks up how to reach a target account (its registered role and external id).</summary>
public interface IAccountAccessResolver
{
    /// <returns>Null when the account is not registered.</returns>
    Task<AccountAccess?> FindAsync(string accountId, CancellationToken cancellationToken);
}
