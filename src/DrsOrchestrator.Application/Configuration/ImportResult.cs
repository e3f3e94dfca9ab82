namespace DrsOrchestrator.Application.Configuration;

/// <param name="DryRun">True: everything was validated and nothing was written.</param>
public sealed record ImportResult(bool DryRun, int AccountsCreated, int ProtectionGroupsCreated, int RecoveryPlansCreated, bool SettingsReplaced, bool TagSyncReplaced);
