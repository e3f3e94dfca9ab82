namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <summary>Physical table names, validated once at startup and passed to every repository.</summary>
public sealed record TableNames(
    string ProtectionGroups,
    string RecoveryPlans,
    string ExecutionHistory,
    string TargetAccounts,
    string Locks,
    string Settings)
{
    /// <summary>Names as CDK creates them: <c>{projectName}-{environment}-{suffix}</c>.</summary>
    public static TableNames For(string projectName, string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectName);
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        return FromPrefix($"{projectName}-{environment}");
    }

    /// <summary>Names <c>{prefix}-{suffix}</c>; tests give each class its own prefix so they never share rows.</summary>
    public static TableNames FromPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return Named(table => $"{prefix}-{table.NameSuffix}");
    }

    /// <summary>Reads the variables the lambda stack sets (<see cref="TableDefinition.EnvironmentVariable"/>); a missing one fails startup.</summary>
    public static TableNames FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var missing = TableSchema.All.Where(t => string.IsNullOrWhiteSpace(getVariable(t.EnvironmentVariable)))
            .Select(t => t.EnvironmentVariable)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Table name variables not set: {string.Join(", ", missing)}.");
        }

        return Named(table => getVariable(table.EnvironmentVariable)!);
    }

    public static TableNames FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public string NameOf(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.NameSuffix switch
        {
            var s when s == TableSchema.ProtectionGroups.NameSuffix => ProtectionGroups,
            var s when s == TableSchema.RecoveryPlans.NameSuffix => RecoveryPlans,
            var s when s == TableSchema.ExecutionHistory.NameSuffix => ExecutionHistory,
            var s when s == TableSchema.TargetAccounts.NameSuffix => TargetAccounts,
            var s when s == TableSchema.Locks.NameSuffix => Locks,
            var s when s == TableSchema.Settings.NameSuffix => Settings,
            _ => throw new ArgumentException($"Unknown table '{table.NameSuffix}'.", nameof(table)),
        };
    }

    private static TableNames Named(Func<TableDefinition, string> name) => new(
        name(TableSchema.ProtectionGroups),
        name(TableSchema.RecoveryPlans),
        name(TableSchema.ExecutionHistory),
        name(TableSchema.TargetAccounts),
        name(TableSchema.Locks),
        name(TableSchema.Settings));
}
