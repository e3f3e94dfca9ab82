using DrsOrchestrator.Domain.Security;

namespace DrsOrchestrator.Local.Auth;

/// <summary>One preset user per role group, on a reserved example domain so no real mailbox is ever named.</summary>
internal static class LocalUsers
{
    public static IReadOnlyList<LocalUser> Presets { get; } =
    [
        new("admin@drs-local.example", "Alex Admin", [RoleGroups.Admin]),
        new("recovery.manager@drs-local.example", "Riley Recovery Manager", [RoleGroups.RecoveryManager]),
        new("plan.manager@drs-local.example", "Pat Plan Manager", [RoleGroups.PlanManager]),
        new("operator@drs-local.example", "Oli Operator", [RoleGroups.Operator]),
        new("drill.operator@drs-local.example", "Dana Drill Operator", [RoleGroups.DrillOperator]),
        new("read.only@drs-local.example", "Robin Read-Only", [RoleGroups.ReadOnly]),
    ];
}
