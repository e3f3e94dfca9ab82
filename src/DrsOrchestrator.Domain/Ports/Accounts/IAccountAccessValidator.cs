namespace DrsOrchestrator.Domain.Ports.Accounts;

/// <summary>Proves the hub can reach an account before an operator relies on it.</summary>
public interface IAccountAccessValidator
{
    Task<AccountAccessCheck> ValidateAsync(AccountAccess access, string region, CancellationToken cancellationToken);
}
