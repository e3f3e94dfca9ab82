namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

/// <summary>
/// The whole configuration in one document. Versions and account validation state are left out: they
/// describe one store, not the configuration, so export, import and export again give the same document.
/// </summary>
internal sealed record ConfigurationExport(
    int FormatVersion,
    SettingsDto Settings,
    TagSyncDto TagSync,
    IReadOnlyList<AccountExport> Accounts,
    IReadOnlyList<ProtectionGroupExport> ProtectionGroups,
    IReadOnlyList<RecoveryPlanExport> RecoveryPlans)
{
    public const int CurrentFormatVersion = 1;
}
