namespace DrsOrchestrator.Domain.Security;

/// <summary>The permissions of the brief, section 6. Their wire names carry the <c>drs:</c> prefix.</summary>
public enum Permission
{
    CreateProtectionGroup,
    UpdateProtectionGroup,
    DeleteProtectionGroup,
    CreateRecoveryPlan,
    UpdateRecoveryPlan,
    DeleteRecoveryPlan,
    ExecuteRecovery,
    ExecuteDrill,
    ManageExecution,
    TerminateInstances,
    ViewResources,
    ManageAccounts,
}
