using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>Recovery plans; names are unique (case-insensitive), enforced by a claim in the same transaction.</summary>
public interface IRecoveryPlanRepository
{
    Task<RecoveryPlan?> GetAsync(string planId, CancellationToken cancellationToken);

    Task<Page<RecoveryPlan>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    /// <exception cref="Common.DomainException">Conflict PLAN_NAME_EXISTS.</exception>
    Task<RecoveryPlan> CreateAsync(RecoveryPlan plan, CancellationToken cancellationToken);

    /// <exception cref="Common.DomainException">NotFound PLAN_NOT_FOUND; Conflict VERSION_CONFLICT or PLAN_NAME_EXISTS.</exception>
    Task<RecoveryPlan> UpdateAsync(RecoveryPlan plan, CancellationToken cancellationToken);

    /// <exception cref="Common.DomainException">NotFound PLAN_NOT_FOUND; Conflict VERSION_CONFLICT.</exception>
    Task DeleteAsync(string planId, long expectedVersion, CancellationToken cancellationToken);
}
