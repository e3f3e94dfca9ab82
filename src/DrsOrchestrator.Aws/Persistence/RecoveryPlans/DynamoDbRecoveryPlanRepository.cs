using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Claims;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Aws.Persistence.RecoveryPlans;

/// <summary>
/// Recovery plans with a name claim and their protection group references in the same transaction (see
/// <see cref="ReferenceWrites"/>). Listing scans with pagination: it serves the console's plan page (tens of
/// small items), not orchestration, which always reads a plan by id.
/// </summary>
/// <remarks>
/// Updates and deletes also check, in the same transaction, that the plan's active-execution claim
/// (<see cref="ClaimKeys.ActivePlan"/>, ADR 0007) does not exist: a running execution resolves its groups wave
/// by wave, so dropping a group's reference mid-run would let the group be deleted under it. The claim is
/// released by the save that makes the execution terminal, so an ended run never blocks.
/// </remarks>
public sealed class DynamoDbRecoveryPlanRepository : IRecoveryPlanRepository
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly string _locksTable;
    private readonly ClaimCoordinator _claims;
    private readonly ReferenceWrites _references;
    private readonly int _readBudget;
    private readonly VersionedItemStore<RecoveryPlan> _items;

    public DynamoDbRecoveryPlanRepository(IAmazonDynamoDB client, DynamoDbPersistenceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _table = options.Tables.RecoveryPlans;
        _locksTable = options.Tables.Locks;
        _claims = new ClaimCoordinator(client, options.Tables.Locks, time, options.ClaimGracePeriod);
        _references = new ReferenceWrites(options.Tables.Locks);
        _readBudget = options.ListReadBudget;
        _items = new VersionedItemStore<RecoveryPlan>(
            client,
            _table,
            RecoveryPlanItemMapper.PlanId,
            RecoveryPlanItemMapper.Version,
            RecoveryPlanItemMapper.FromItem,
            p => p.Version,
            NotFound,
            VersionConflict);
    }

    public Task<RecoveryPlan?> GetAsync(string planId, CancellationToken cancellationToken) => _items.GetAsync(planId, cancellationToken);

    public Task<Page<RecoveryPlan>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        ListMatchingAsync(new RecoveryPlanFilter(), page, cancellationToken);

    /// <summary>The name match is case-insensitive, which a FilterExpression cannot express, so it runs on each item read.</summary>
    public Task<Page<RecoveryPlan>> ListMatchingAsync(RecoveryPlanFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FullPages.ScanAsync(
            _client,
            new ScanRequest { TableName = _table },
            TableSchema.RecoveryPlans.PartitionKey,
            RecoveryPlanItemMapper.FromItem,
            filter.NameContains is { } name ? p => p.Name.Contains(name, StringComparison.OrdinalIgnoreCase) : null,
            page,
            _readBudget,
            cancellationToken);
    }

    public async Task<RecoveryPlan> CreateAsync(RecoveryPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var stored = plan with { Version = 1 };
        var groups = WritableGroupsOf(stored);
        await _claims.CommitAsync(
            ClaimKeys.PlanOwner,
            plan.PlanId,
            [
                _items.Create(
                    RecoveryPlanItemMapper.ToItem(stored, stored.Version),
                    () => DomainException.Conflict(ErrorCodes.VersionConflict, $"Recovery plan {stored.PlanId} already exists.")),
                .. groups.Select(g => _references.ReferenceGroup(stored.PlanId, g.Key, g.Value)),
            ],
            [NameClaim(stored)],
            [],
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<RecoveryPlan> UpdateAsync(RecoveryPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var current = await _items.GetAtVersionAsync(plan.PlanId, plan.Version, cancellationToken).ConfigureAwait(false);
        var stored = plan with { Version = plan.Version + 1 };
        var renamed = ClaimKeys.PlanName(current.Name) != ClaimKeys.PlanName(stored.Name);

        // The stored version's references were written with it, so only the difference changes; the version
        // condition on the plan row makes a concurrent save of the same plan fail rather than double-apply it.
        // Worst case 100 items: row, no-active-execution check, name claim and release, 48 added, 48 dropped.
        var held = GroupsOf(current);
        var wanted = WritableGroupsOf(stored);
        await _claims.CommitAsync(
            ClaimKeys.PlanOwner,
            plan.PlanId,
            [
                _items.Replace(stored.PlanId, RecoveryPlanItemMapper.ToItem(stored, stored.Version), plan.Version),
                NoActiveExecution(stored.PlanId, current.Name),
                .. wanted.Where(g => !held.ContainsKey(g.Key)).Select(g => _references.ReferenceGroup(stored.PlanId, g.Key, g.Value)),
                .. held.Keys.Where(g => !wanted.ContainsKey(g)).Select(g => _references.ReleaseGroup(stored.PlanId, g)),
            ],
            renamed ? [NameClaim(stored)] : [],
            renamed ? [ClaimKeys.PlanName(current.Name)] : [],
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task DeleteAsync(string planId, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await _items.GetAtVersionAsync(planId, expectedVersion, cancellationToken).ConfigureAwait(false);
        await _claims.CommitAsync(
            ClaimKeys.PlanOwner,
            planId,
            [
                _items.Delete(planId, expectedVersion),
                NoActiveExecution(planId, current.Name),
                .. GroupsOf(current).Keys.Select(g => _references.ReleaseGroup(planId, g)),
            ],
            [],
            [ClaimKeys.PlanName(current.Name)],
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fails the transaction while an execution of the plan holds its active-plan claim. After the row write,
    /// so a stale request still reports VERSION_CONFLICT first; the old image names the running execution.
    /// </summary>
    private GuardedWrite NoActiveExecution(string planId, string planName) => new(
        new TransactWriteItem
        {
            ConditionCheck = new ConditionCheck
            {
                TableName = _locksTable,
                Key = new() { [LockAttributes.LockKey] = Attr.S(ClaimKeys.ActivePlan(planId)) },
                ConditionExpression = "attribute_not_exists(#k)",
                ExpressionAttributeNames = new() { ["#k"] = LockAttributes.LockKey },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        },
        old =>
        {
            var active = old?.GetSOrNull(LockAttributes.OwnerId);
            return DomainException.Conflict(
                ErrorCodes.PlanHasActiveExecution,
                $"Recovery plan '{planName}' has an active execution ({active ?? "unknown"}); cancel it or wait for it to end.",
                new Dictionary<string, object?> { ["planId"] = planId, ["activeExecutionId"] = active });
        });

    /// <summary>The distinct groups a plan names, each with the field of its first mention (for validation errors).</summary>
    private static Dictionary<string, string> GroupsOf(RecoveryPlan plan)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var w = 0; w < plan.Waves.Count; w++)
        {
            for (var g = 0; g < plan.Waves[w].ProtectionGroupIds.Count; g++)
            {
                groups.TryAdd(plan.Waves[w].ProtectionGroupIds[g], $"waves[{w}].protectionGroupIds[{g}]");
            }
        }

        return groups;
    }

    /// <summary>Only the version being written is checked: a stored plan must always stay deletable.</summary>
    /// <exception cref="DomainException">Validation LIMIT_EXCEEDED past <see cref="RecoveryPlanLimits.MaxProtectionGroups"/>.</exception>
    private static Dictionary<string, string> WritableGroupsOf(RecoveryPlan plan)
    {
        var groups = GroupsOf(plan);
        if (groups.Count > RecoveryPlanLimits.MaxProtectionGroups)
        {
            throw ValidationProblems.ToException("Recovery plan", [new ValidationProblem(
                "waves",
                ErrorCodes.LimitExceeded,
                $"A plan names at most {RecoveryPlanLimits.MaxProtectionGroups} distinct protection groups; this one names {groups.Count}.")]);
        }

        return groups;
    }

    private async Task<bool> IsOrphanAsync(ClaimHolder holder, CancellationToken cancellationToken)
    {
        if (holder.OwnerType != ClaimKeys.PlanOwner)
        {
            return false;
        }

        var owner = await GetAsync(holder.OwnerId, cancellationToken).ConfigureAwait(false);
        return owner is null || ClaimKeys.PlanName(owner.Name) != holder.LockKey;
    }

    private static ClaimRequest NameClaim(RecoveryPlan plan) => new(
        ClaimKeys.PlanName(plan.Name),
        new Dictionary<string, AttributeValue> { ["name"] = Attr.S(plan.Name) },
        holder => DomainException.Conflict(
            ErrorCodes.PlanNameExists,
            $"A recovery plan named '{plan.Name}' already exists.",
            new Dictionary<string, object?> { ["name"] = plan.Name, ["existingPlanId"] = holder.OwnerId }));

    private static DomainException NotFound(string planId) =>
        DomainException.NotFound(ErrorCodes.RecoveryPlanNotFound, $"Recovery plan {planId} does not exist.");

    private static DomainException VersionConflict(string planId, long expected, long? actual) => VersionConflicts.For("Recovery plan", planId, expected, actual);
}
