using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Accounts;

/// <summary>Target (spoke) account registration and the check that the hub can really reach it.</summary>
public sealed class TargetAccountService(
    ITargetAccountRepository accounts,
    IProtectionGroupRepository groups,
    IAccountAccessValidator validator,
    TimeProvider time)
{
    public Task<Page<TargetAccount>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        accounts.ListAsync(page, cancellationToken);

    public Task<IReadOnlyList<TargetAccount>> AllAsync(CancellationToken cancellationToken) =>
        Pages.AllAsync<TargetAccount>(accounts.ListAsync, cancellationToken);

    /// <exception cref="DomainException">NotFound ACCOUNT_NOT_FOUND.</exception>
    public async Task<TargetAccount> GetAsync(string accountId, CancellationToken cancellationToken) =>
        await accounts.GetAsync(accountId, cancellationToken).ConfigureAwait(false)
        ?? throw DomainException.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} is not registered.");

    /// <exception cref="DomainException">Validation; Conflict ACCOUNT_EXISTS.</exception>
    public Task<TargetAccount> CreateAsync(TargetAccountDraft draft, string actor, CancellationToken cancellationToken) =>
        accounts.CreateAsync(TargetAccount.Create(draft, actor, time.GetUtcNow()), cancellationToken);

    /// <exception cref="DomainException">NotFound ACCOUNT_NOT_FOUND; Conflict VERSION_CONFLICT; Validation.</exception>
    public async Task<TargetAccount> UpdateAsync(string accountId, long expectedVersion, TargetAccountDraft draft, string actor, CancellationToken cancellationToken)
    {
        var current = await GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        Versions.Ensure($"Account {accountId}", current.Version, expectedVersion);
        return await accounts.UpdateAsync(current.Update(draft, actor, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes an account no protection group points at: those groups could never launch again. The check is
    /// the repository's, in the delete's own transaction; this only names the groups in the message.
    /// </summary>
    /// <exception cref="DomainException">NotFound ACCOUNT_NOT_FOUND; Conflict ACCOUNT_IN_USE (details: accountId, protectionGroupIds) or VERSION_CONFLICT.</exception>
    public async Task DeleteAsync(string accountId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        try
        {
            await accounts.DeleteAsync(accountId, current.Version, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.AccountInUse && ex.Details?.GetValueOrDefault("protectionGroupIds") is string[] groupIds)
        {
            var names = new List<string>();
            foreach (var groupId in groupIds.Take(5))
            {
                names.Add((await groups.GetAsync(groupId, cancellationToken).ConfigureAwait(false))?.Name ?? groupId);
            }

            throw DomainException.Conflict(
                ErrorCodes.AccountInUse,
                $"Account {accountId} is used by {groupIds.Length} protection group(s): {string.Join(", ", names)}; delete or move them first.",
                ex.Details);
        }
    }

    /// <summary>
    /// Assumes the registered role (fresh, not from the session cache) and reads DRS in every registered
    /// region; stores the outcome on the account so lists show which accounts work.
    /// </summary>
    public async Task<AccountValidationResult> ValidateAsync(string accountId, CancellationToken cancellationToken)
    {
        var account = await GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        var access = new AccountAccess(account.AccountId, account.RoleArn, account.ExternalId);
        var results = new List<RegionAccessResult>();
        foreach (var region in account.Regions)
        {
            var check = await validator.ValidateAsync(access, region, cancellationToken).ConfigureAwait(false);
            results.Add(new RegionAccessResult(region, check.AssumedRole, check.DrsReachable, check.ErrorCode, check.ErrorMessage));
        }

        var valid = results.All(r => r.AssumedRole && r.DrsReachable);
        var now = time.GetUtcNow();
        var message = valid
            ? null
            : string.Join("; ", results.Where(r => !(r.AssumedRole && r.DrsReachable)).Select(r => $"{r.Region}: {(r.AssumedRole ? "DRS unreachable" : "AssumeRole failed")} ({r.ErrorCode})"));
        var stored = await accounts.UpdateAsync(account.WithValidation(valid, message, now), cancellationToken).ConfigureAwait(false);
        return new AccountValidationResult(accountId, valid, results, now, stored);
    }
}
