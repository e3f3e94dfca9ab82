using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.RecoveryPlans;

/// <summary>Recovery plan use cases: wave rules live in the aggregate, name uniqueness in the repository's claim.</summary>
public sealed class RecoveryPlanService(
    IRecoveryPlanRepository plans,
    IProtectionGroupRepository groups,
    IExecutionRepository executions,
    TimeProvider time)
{
    public Task<Page<RecoveryPlan>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        plans.ListAsync(page, cancellationToken);

    /// <summary>Full pages of the plans matching the filter (see <see cref="IRecoveryPlanRepository.ListMatchingAsync"/>).</summary>
    public Task<Page<RecoveryPlan>> ListAsync(RecoveryPlanFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        plans.ListMatchingAsync(filter, page, cancellationToken);

    /// <exception cref="DomainException">NotFound PLAN_NOT_FOUND.</exception>
    public async Task<RecoveryPlan> GetAsync(string planId, CancellationToken cancellationToken) =>
        await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false)
        ?? throw DomainException.NotFound(ErrorCodes.RecoveryPlanNotFound, $"Recovery plan '{planId}' does not exist.");

    /// <remarks>
    /// Group existence is checked twice: here, to report every unknown group at once, and by the repository's
    /// write, which holds a reference on each group so one deleted in between fails the write the same way.
    /// </remarks>
    /// <exception cref="DomainException">Validation (wave rules, UNKNOWN_PROTECTION_GROUP, LIMIT_EXCEEDED); Conflict PLAN_NAME_EXISTS.</exception>
    public async Task<RecoveryPlan> CreateAsync(RecoveryPlanDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var existing = await ExistingGroupsAsync(draft, cancellationToken).ConfigureAwait(false);
        var plan = RecoveryPlan.Create(NewId(), draft, existing, actor, time.GetUtcNow());
        return await plans.CreateAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// Refused while an execution of the plan is active: its later waves resolve the plan's groups, so a group
    /// dropped here could be deleted under it. The repository's transaction decides (ADR 0010).
    /// </remarks>
    /// <exception cref="DomainException">NotFound PLAN_NOT_FOUND; Conflict VERSION_CONFLICT, PLAN_NAME_EXISTS, PLAN_HAS_ACTIVE_EXECUTION; Validation.</exception>
    public async Task<RecoveryPlan> UpdateAsync(string planId, long expectedVersion, RecoveryPlanDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var current = await GetAsync(planId, cancellationToken).ConfigureAwait(false);
        Versions.Ensure($"Recovery plan '{planId}'", current.Version, expectedVersion);
        var existing = await ExistingGroupsAsync(draft, cancellationToken).ConfigureAwait(false);
        var updated = current.Update(draft, existing, actor, time.GetUtcNow());
        return await plans.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a plan no execution is running; finished executions keep their own snapshot of it.</summary>
    /// <exception cref="DomainException">NotFound PLAN_NOT_FOUND; Conflict PLAN_HAS_ACTIVE_EXECUTION or VERSION_CONFLICT.</exception>
    public async Task DeleteAsync(string planId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(planId, cancellationToken).ConfigureAwait(false);

        // Only for the friendlier message: an execution starting after this read is caught by the
        // repository's transaction, which checks the same claim.
        if (await executions.FindActiveExecutionOfPlanAsync(planId, cancellationToken).ConfigureAwait(false) is { } active)
        {
            throw DomainException.Conflict(
                ErrorCodes.PlanHasActiveExecution,
                $"Recovery plan '{current.Name}' has an active execution ({active}); cancel it or wait for it to end.",
                new Dictionary<string, object?> { ["planId"] = planId, ["activeExecutionId"] = active });
        }

        await plans.DeleteAsync(planId, current.Version, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlySet<string>> ExistingGroupsAsync(RecoveryPlanDraft draft, CancellationToken cancellationToken)
    {
        var wanted = (draft.Waves ?? [])
            .Where(w => w is not null)
            .SelectMany(w => w.ProtectionGroupIds ?? [])
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Distinct(StringComparer.Ordinal)
            .Take(RecoveryPlanLimits.MaxWaves * RecoveryPlanLimits.MaxGroupsPerWave)
            .ToArray();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            if (await groups.GetAsync(id, cancellationToken).ConfigureAwait(false) is not null)
            {
                found.Add(id);
            }
        }

        return found;
    }

    private static string NewId() => "plan-" + Guid.NewGuid().ToString("N");
}
