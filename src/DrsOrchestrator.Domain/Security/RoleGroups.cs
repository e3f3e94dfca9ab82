namespace DrsOrchestrator.Domain.Security;

/// <summary>The Cognito group names. They are created by the API stack and read from the <c>cognito:groups</c> claim.</summary>
public static class RoleGroups
{
    public const string Admin = "DRSOrchestrationAdmin";
    public const string RecoveryManager = "DRSRecoveryManager";
    public const string PlanManager = "DRSPlanManager";
    public const string Operator = "DRSOperator";
    public const string DrillOperator = "DRSDrillOperator";
    public const string ReadOnly = "DRSReadOnly";

    public static IReadOnlyList<string> All { get; } = [Admin, RecoveryManager, PlanManager, Operator, DrillOperator, ReadOnly];
}
