namespace DrsOrchestrator.Api.Tests.Routing;

/// <summary>
/// BRIEF sections 5 and 6 typed out independently of the production route table, so the RBAC matrix
/// checks the table against the brief instead of against itself.
/// </summary>
public static class ExpectedAccess
{
    public const string Public = "public";
    public const string AnyUser = "any-signed-in";
    public const string Execute = "execute";

    /// <summary>Section 6: the permissions each group holds.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> GroupPermissions = new Dictionary<string, string[]>
    {
        ["DRSOrchestrationAdmin"] = ["CreateProtectionGroup", "UpdateProtectionGroup", "DeleteProtectionGroup", "CreateRecoveryPlan", "UpdateRecoveryPlan", "DeleteRecoveryPlan", "ExecuteRecovery", "ExecuteDrill", "ManageExecution", "TerminateInstances", "ViewResources", "ManageAccounts"],
        ["DRSRecoveryManager"] = ["ExecuteRecovery", "ExecuteDrill", "ManageExecution", "TerminateInstances", "ViewResources"],
        ["DRSPlanManager"] = ["CreateProtectionGroup", "UpdateProtectionGroup", "CreateRecoveryPlan", "UpdateRecoveryPlan", "ViewResources"],
        ["DRSOperator"] = ["ExecuteRecovery", "ExecuteDrill", "ViewResources"],
        ["DRSDrillOperator"] = ["ExecuteDrill", "ViewResources"],
        ["DRSReadOnly"] = ["ViewResources"],
    };

    /// <summary>Section 5: what each catalog route requires.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>
    {
        ["GET /health"] = Public,
        ["GET /openapi.json"] = Public,
        ["GET /users/profile"] = AnyUser,
        ["GET /protection-groups"] = "ViewResources",
        ["POST /protection-groups"] = "CreateProtectionGroup",
        ["POST /protection-groups/resolve"] = "ViewResources",
        ["GET /protection-groups/{groupId}"] = "ViewResources",
        ["PUT /protection-groups/{groupId}"] = "UpdateProtectionGroup",
        ["DELETE /protection-groups/{groupId}"] = "DeleteProtectionGroup",
        ["GET /protection-groups/{groupId}/launch-configuration"] = "ViewResources",
        ["PUT /protection-groups/{groupId}/launch-configuration"] = "UpdateProtectionGroup",
        ["POST /protection-groups/{groupId}/apply-launch-configuration"] = "UpdateProtectionGroup",
        ["GET /recovery-plans"] = "ViewResources",
        ["POST /recovery-plans"] = "CreateRecoveryPlan",
        ["GET /recovery-plans/{planId}"] = "ViewResources",
        ["PUT /recovery-plans/{planId}"] = "UpdateRecoveryPlan",
        ["DELETE /recovery-plans/{planId}"] = "DeleteRecoveryPlan",
        ["POST /recovery-plans/{planId}/execute"] = Execute,
        ["GET /recovery-plans/{planId}/check-existing-instances"] = "ViewResources",
        ["GET /recovery-plans/{planId}/readiness"] = "ViewResources",
        ["GET /executions"] = "ViewResources",
        ["POST /executions"] = Execute,
        ["DELETE /executions"] = "ManageExecution",
        ["POST /executions/delete"] = "ManageExecution",
        ["GET /executions/{id}"] = "ViewResources",
        ["POST /executions/{id}/pause"] = "ManageExecution",
        ["POST /executions/{id}/resume"] = "ManageExecution",
        ["POST /executions/{id}/cancel"] = "ManageExecution",
        ["POST /executions/{id}/terminate-instances"] = "TerminateInstances",
        ["GET /executions/{id}/job-logs"] = "ViewResources",
        ["GET /executions/{id}/recovery-instances"] = "ViewResources",
        ["GET /executions/{id}/termination-status"] = "ViewResources",
        ["GET /executions/{id}/report"] = "ViewResources",
        ["GET /drs/source-servers"] = "ViewResources",
        ["GET /drs/source-servers/{id}"] = "ViewResources",
        ["GET /drs/source-servers/{id}/launch-configuration"] = "ViewResources",
        ["PUT /drs/source-servers/{id}/launch-configuration"] = "UpdateProtectionGroup",
        ["GET /drs/source-servers/{id}/tags"] = "ViewResources",
        ["PUT /drs/source-servers/{id}/tags"] = "UpdateProtectionGroup",
        ["GET /drs/quotas"] = "ViewResources",
        ["GET /drs/capacity"] = "ViewResources",
        ["GET /drs/capacity/regional"] = "ViewResources",
        ["GET /drs/accounts"] = "ViewResources",
        ["GET /drs/jobs/{jobId}/logs"] = "ViewResources",
        ["GET /accounts"] = "ViewResources",
        ["POST /accounts"] = "ManageAccounts",
        ["GET /accounts/{accountId}"] = "ViewResources",
        ["PUT /accounts/{accountId}"] = "ManageAccounts",
        ["DELETE /accounts/{accountId}"] = "ManageAccounts",
        ["POST /accounts/{accountId}/validate"] = "ManageAccounts",
        ["GET /ec2/subnets"] = "ViewResources",
        ["GET /ec2/security-groups"] = "ViewResources",
        ["GET /ec2/instance-profiles"] = "ViewResources",
        ["GET /ec2/instance-types"] = "ViewResources",
        ["GET /ec2/launch-templates"] = "ViewResources",
        ["GET /config/settings"] = "ViewResources",
        ["PUT /config/settings"] = "ManageAccounts",
        ["GET /config/regions"] = "ViewResources",
        ["GET /config/health"] = "ViewResources",
        ["GET /config/export"] = "ManageAccounts",
        ["POST /config/import"] = "ManageAccounts",
        ["GET /config/tag-sync"] = "ViewResources",
        ["PUT /config/tag-sync"] = "ManageAccounts",
        ["POST /config/tag-sync/run"] = "ManageAccounts",
    };

    /// <summary>Expected status class for a caller: null = allowed (anything but 401/403), else 401 or 403.</summary>
    public static int? DeniedStatus(string routeKey, IReadOnlyList<string>? groups)
    {
        var rule = Routes[routeKey];
        if (rule == Public)
        {
            return null;
        }

        if (groups is null)
        {
            return 401;
        }

        if (rule == AnyUser)
        {
            return null;
        }

        var held = groups.SelectMany(g => GroupPermissions.TryGetValue(g, out var p) ? p : []).ToHashSet();
        var allowed = rule == Execute ? held.Contains("ExecuteDrill") || held.Contains("ExecuteRecovery") : held.Contains(rule);
        return allowed ? null : 403;
    }
}
