using DrsOrchestrator.Domain.Accounts;

namespace DrsOrchestrator.Domain.Ports.Persistence;

public interface ITargetAccountRepository
{
    Task<TargetAccount?> GetAsync(string accountId, CancellationToken cancellationToken);

    Task<Page<TargetAccount>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    /// <exception cref="Common.DomainException">Conflict ACCOUNT_EXISTS.</exception>
    Task<TargetAccount> CreateAsync(TargetAccount account, CancellationToken cancellationToken);

    /// <exception cref="Common.DomainException">NotFound ACCOUNT_NOT_FOUND; Conflict VERSION_CONFLICT.</exception>
    Task<TargetAccount> UpdateAsync(TargetAccount account, CancellationToken cancellationToken);

    /// <summary>Deletes the account in the same transaction as the check that no protection group references it.</summary>
    /// <exception cref="Common.DomainException">NotFound ACCOUNT_NOT_FOUND; Conflict VERSION_CONFLICT or ACCOUNT_IN_USE (details: accountId, protectionGroupIds).</exception>
    Task DeleteAsync(string accountId, long expectedVersion, CancellationToken cancellationToken);
}
