namespace DrsOrchestrator.Application.Configuration;

/// <summary>Operator-editable settings of the orchestrator (one document in the settings table).</summary>
/// <param name="DefaultRegion">The region the console preselects; null lets it pick the account's first.</param>
/// <param name="ExecutionHistoryRetentionDays">How long finished executions are kept before they expire.</param>
/// <param name="NotificationEmail">Where execution notifications go; null sends none.</param>
public sealed record OrchestratorSettings(string? DefaultRegion, int ExecutionHistoryRetentionDays, string? NotificationEmail)
{
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;

    public static OrchestratorSettings Default { get; } = new(null, 365, null);
}
