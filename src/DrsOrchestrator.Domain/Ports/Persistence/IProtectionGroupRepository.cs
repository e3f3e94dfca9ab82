using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>
/// Stores protection groups. Writes are atomic with their claims: a source server (account + region + id)
/// belongs to at most one group, a group name (case-insensitive) is used once, and identical tag criteria
/// in one account + region are used once. Every write checks <see cref="ProtectionGroup.Version"/>. A group
/// holds a reference on its account, written with the group, so the account cannot be deleted under it.
/// </summary>
public interface IProtectionGroupRepository
{
    Task<ProtectionGroup?> GetAsync(string groupId, CancellationToken cancellationToken);

    Task<Page<ProtectionGroup>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Groups matching every set member of <paramref name="filter"/>, in full pages: a page holds <c>limit</c>
    /// matches unless the list ends or the request reached the read budget, and the token resumes right after
    /// the last group returned.
    /// </summary>
    Task<Page<ProtectionGroup>> ListMatchingAsync(ProtectionGroupFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Stores a new group at version 1 and returns it; it starts with no recovery plan referencing it.</summary>
    /// <exception cref="Common.DomainException">Conflict PG_NAME_EXISTS, SERVER_CONFLICT (details: sourceServerId, accountId, region, owningGroupId), TAG_CONFLICT, or VERSION_CONFLICT if the id is taken.</exception>
    Task<ProtectionGroup> CreateAsync(ProtectionGroup group, CancellationToken cancellationToken);

    /// <summary>Replaces the group if its stored version still equals <c>group.Version</c>; returns it with the next version.</summary>
    /// <exception cref="Common.DomainException">NotFound PG_NOT_FOUND; Conflict VERSION_CONFLICT, PG_NAME_EXISTS, SERVER_CONFLICT, TAG_CONFLICT.</exception>
    Task<ProtectionGroup> UpdateAsync(ProtectionGroup group, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the group and releases its claims, in the same transaction as the check that no recovery plan
    /// references it (plans write their references in their own transactions, so the two cannot interleave).
    /// </summary>
    /// <exception cref="Common.DomainException">NotFound PG_NOT_FOUND; Conflict VERSION_CONFLICT or PG_IN_USE (details: groupId, planIds).</exception>
    Task DeleteAsync(string groupId, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>The group that claims a source server, if any: one key lookup, no scan.</summary>
    Task<string?> FindOwnerOfServerAsync(string accountId, string region, string sourceServerId, CancellationToken cancellationToken);
}
