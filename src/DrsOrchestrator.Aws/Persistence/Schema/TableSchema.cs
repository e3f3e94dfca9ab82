namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <summary>
/// The single source of truth for the product's tables. The CDK database stack, the local host and the
/// tests all build tables from these definitions, so a key or index cannot drift between them.
/// </summary>
public static class TableSchema
{
    /// <summary>Header rows only (sparse): active-execution lookups query one partition per active status.</summary>
    public const string ExecutionsByStatusIndex = "executionStatus-startedAt-index";

    /// <summary>Header rows only (sparse): a plan's run history, newest first.</summary>
    public const string ExecutionsByPlanIndex = "planId-startedAt-index";

    /// <summary>
    /// Header rows only (sparse), one constant partition: the history page lists every execution by start
    /// time without a scan. Executions are started minutes apart, far below one partition's write limit.
    /// </summary>
    public const string ExecutionsByStartTimeIndex = "recordType-startedAt-index";

    /// <summary>
    /// "Needs attention" (sparse, keys only): an item is in it only while the finder has work on it.
    /// Partition <c>OUTBOX</c> holds unpublished outbox rows (deleting a row after the publish removes it);
    /// partition <c>TERMINATION</c> holds header rows whose recovery-instance termination is in progress
    /// (the header write that ends it drops the attribute). See docs/adr/0009.
    /// </summary>
    public const string ExecutionsNeedingAttentionIndex = "attention-attentionAt-index";

    private static readonly KeyAttribute StartedAt = new("startedAt", KeyAttributeType.String);

    public static readonly TableDefinition ProtectionGroups = new(
        LogicalName: "ProtectionGroupsTable",
        NameSuffix: "protection-groups",
        EnvironmentVariable: "PROTECTION_GROUPS_TABLE",
        PartitionKey: new KeyAttribute("groupId", KeyAttributeType.String),
        SortKey: null,
        GlobalSecondaryIndexes: [],
        TimeToLiveAttribute: null,
        Stream: StreamRequirement.None,
        PointInTimeRecovery: true);

    public static readonly TableDefinition RecoveryPlans = new(
        LogicalName: "RecoveryPlansTable",
        NameSuffix: "recovery-plans",
        EnvironmentVariable: "RECOVERY_PLANS_TABLE",
        PartitionKey: new KeyAttribute("planId", KeyAttributeType.String),
        SortKey: null,
        GlobalSecondaryIndexes: [],
        TimeToLiveAttribute: null,
        Stream: StreamRequirement.None,
        PointInTimeRecovery: true);

    /// <summary>
    /// One partition per execution: a header row plus one row per wave and one per server, because a
    /// 1,200-server wave with job ids, timings and instance ids would not fit DynamoDB's 400 KB item limit.
    /// </summary>
    public static readonly TableDefinition ExecutionHistory = new(
        LogicalName: "ExecutionHistoryTable",
        NameSuffix: "execution-history",
        EnvironmentVariable: "EXECUTION_HISTORY_TABLE",
        PartitionKey: new KeyAttribute("executionId", KeyAttributeType.String),
        SortKey: new KeyAttribute("sk", KeyAttributeType.String),
        GlobalSecondaryIndexes:
        [
            new GlobalSecondaryIndexDefinition(
                ExecutionsByStatusIndex, new KeyAttribute("executionStatus", KeyAttributeType.String), StartedAt, IndexProjection.All, []),
            new GlobalSecondaryIndexDefinition(
                ExecutionsByPlanIndex, new KeyAttribute("planId", KeyAttributeType.String), StartedAt, IndexProjection.All, []),
            new GlobalSecondaryIndexDefinition(
                ExecutionsByStartTimeIndex, new KeyAttribute("recordType", KeyAttributeType.String), StartedAt, IndexProjection.All, []),
            new GlobalSecondaryIndexDefinition(
                ExecutionsNeedingAttentionIndex,
                new KeyAttribute("attention", KeyAttributeType.String),
                new KeyAttribute("attentionAt", KeyAttributeType.String),
                IndexProjection.KeysOnly,
                []),
        ],
        TimeToLiveAttribute: "expiresAt",
        Stream: StreamRequirement.None,
        PointInTimeRecovery: false);

    public static readonly TableDefinition TargetAccounts = new(
        LogicalName: "TargetAccountsTable",
        NameSuffix: "target-accounts",
        EnvironmentVariable: "TARGET_ACCOUNTS_TABLE",
        PartitionKey: new KeyAttribute("accountId", KeyAttributeType.String),
        SortKey: null,
        GlobalSecondaryIndexes: [],
        TimeToLiveAttribute: null,
        Stream: StreamRequirement.None,
        PointInTimeRecovery: true);

    /// <summary>
    /// Claim items (server-to-group, group names, server-to-active-execution, plan-to-active-execution).
    /// They are written in the same transaction as the aggregate, so DynamoDB itself enforces uniqueness.
    /// No TTL: a claim must never lapse silently.
    /// </summary>
    public static readonly TableDefinition Locks = new(
        LogicalName: "LocksTable",
        NameSuffix: "locks",
        EnvironmentVariable: "LOCKS_TABLE",
        PartitionKey: new KeyAttribute("lockKey", KeyAttributeType.String),
        SortKey: null,
        GlobalSecondaryIndexes: [],
        TimeToLiveAttribute: null,
        Stream: StreamRequirement.None,
        PointInTimeRecovery: true);

    /// <summary>Application settings documents (config/settings, tag sync), one item per document.</summary>
    public static readonly TableDefinition Settings = new(
        LogicalName: "SettingsTable",
        NameSuffix: "settings",
        EnvironmentVariable: "SETTINGS_TABLE",
        PartitionKey: new KeyAttribute("settingKey", KeyAttributeType.String),
        SortKey: null,
        GlobalSecondaryIndexes: [],
        TimeToLiveAttribute: null,
        Stream: StreamRequirement.None,
        PointInTimeRecovery: true);

    public static IReadOnlyList<TableDefinition> All { get; } =
        [ProtectionGroups, RecoveryPlans, ExecutionHistory, TargetAccounts, Locks, Settings];
}
