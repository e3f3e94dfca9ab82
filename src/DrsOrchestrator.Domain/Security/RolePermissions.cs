namespace DrsOrchestrator.Domain.Security;

/// <summary>
/// The one mapping from Cognito groups to permissions. The API enforces it on every route and the
/// console mirrors it; nothing else decides who may do what.
/// </summary>
public static class RolePermissions
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<Permission>> ByGroup =
        new Dictionary<string, IReadOnlySet<Permission>>(StringComparer.Ordinal)
        {
            [RoleGroups.Admin] = new HashSet<Permission>(Enum.GetValues<Permission>()),
            [RoleGroups.RecoveryManager] = new HashSet<Permission>
            {
                Permission.ExecuteRecovery, Permission.ExecuteDrill, Permission.ManageExecution,
                Permission.TerminateInstances, Permission.ViewResources,
            },
            [RoleGroups.PlanManager] = new HashSet<Permission>
            {
                Permission.CreateProtectionGroup, Permission.UpdateProtectionGroup,
                Permission.CreateRecoveryPlan, Permission.UpdateRecoveryPlan, Permission.ViewResources,
            },
            [RoleGroups.Operator] = new HashSet<Permission>
            {
                Permission.ExecuteRecovery, Permission.ExecuteDrill, Permission.ViewResources,
            },
            [RoleGroups.DrillOperator] = new HashSet<Permission> { Permission.ExecuteDrill, Permission.ViewResources },
            [RoleGroups.ReadOnly] = new HashSet<Permission> { Permission.ViewResources },
        };

    /// <summary>The union of the permissions of every known group; unknown group names grant nothing.</summary>
    public static IReadOnlySet<Permission> For(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var result = new HashSet<Permission>();
        foreach (var group in groups)
        {
            if (ByGroup.TryGetValue(group, out var granted))
            {
                result.UnionWith(granted);
            }
        }

        return result;
    }

    /// <summary>The wire name of a permission, e.g. <c>drs:ExecuteDrill</c>.</summary>
    public static string WireName(Permission permission) => "drs:" + permission;
}
