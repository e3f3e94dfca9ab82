using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>
/// Recovery plans; names are unique (case-insensitive), enforced by a claim in the same transaction. A plan
/// holds a reference on every protection group it names, written in the same transaction as the plan and
/// conditioned on the group existing, so a plan never names a deleted group.
/// </summary>
public interface IRecoveryPlanRepository
{
    Task<RecoveryPlan?> GetAsync(string planId, CancellationToken cancellationToken);

    Task<Page<RecoveryPlan>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Plans matching <paramref name="filter"/>, in full pages: a page holds <c>limit</c> matches unless the list
    /// ends or the request reached the read budget, and the token resumes right after the last plan returned.
    /// </summary>
    Task<Page<RecoveryPlan>> ListMatchingAsync(RecoveryPlanFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <exception cref="Common.DomainException">Conflict PLAN_NAME_EXISTS; Validation UNKNOWN_PROTECTION_GROUP (a named group does not exist) or LIMIT_EXCEEDED (past <see cref="RecoveryPlanLimits.MaxProtectionGroups"/>).</exception>
    Task<RecoveryPlan> CreateAsync(RecoveryPlan plan, CancellationToken cancellationToken);

    /// <summary>Replaces the plan; references on groups it no longer names are released in the same transaction.</summary>
    /// <exception cref="Common.DomainException">NotFound PLAN_NOT_FOUND; Conflict VERSION_CONFLICT, PLAN_NAME_EXISTS or PLAN_HAS_ACTIVE_EXECUTION (a run of the plan is active); Validation UNKNOWN_PROTECTION_GROUP or LIMIT_EXCEEDED (past <see cref="RecoveryPlanLimits.MaxProtectionGroups"/>).</exception>
    Task<RecoveryPlan> UpdateAsync(RecoveryPlan plan, CancellationToken cancellationToken);

    /// <summary>Deletes the plan and releases its group references in the same transaction.</summary>
    /// <exception cref="Common.DomainException">NotFound PLAN_NOT_FOUND; Conflict VERSION_CONFLICT or PLAN_HAS_ACTIVE_EXECUTION (a run of the plan is active).</exception>
    Task DeleteAsync(string planId, long expectedVersion, CancellationToken cancellationToken);
}
