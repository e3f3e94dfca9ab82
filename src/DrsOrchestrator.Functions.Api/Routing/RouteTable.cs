using DrsOrchestrator.Domain.Security;
using P = DrsOrchestrator.Domain.Security.Permission;

namespace DrsOrchestrator.Functions.Api.Routing;

/// <summary>
/// The whole API catalog (BRIEF section 5): the single source of truth for the API Gateway resources,
/// the OpenAPI document and the RBAC tests. A route listed here but not yet bound to a handler answers
/// 404 ROUTE_NOT_FOUND; <see cref="Served"/> lists the routes that are bound.
/// </summary>
public static class RouteTable
{
    private static readonly RouteParameter Limit = Query("limit", "integer", "Page size, 1-100 (default 50).");
    private static readonly RouteParameter NextToken = Query("nextToken", "string", "Opaque token from the previous page.");
    private static readonly RouteParameter AccountId = Query("accountId", "string", "Target account (12 digits).", required: true);
    private static readonly RouteParameter Region = Query("region", "string", "AWS region, e.g. us-east-1.", required: true);
    private static readonly RouteParameter OptionalAccountId = Query("accountId", "string", "Target account (12 digits).");
    private static readonly RouteParameter OptionalRegion = Query("region", "string", "AWS region, e.g. us-east-1.");

    public static IReadOnlyList<RouteDefinition> All { get; } = Build();

    /// <summary>The routes that have a handler in this build; the rest answer 404.</summary>
    public static IReadOnlyList<RouteDefinition> Served => RouteBindings.Default.Served;

    public static RouteDefinition Find(string method, string pathTemplate) =>
        All.FirstOrDefault(r => r.Method == method && r.PathTemplate == pathTemplate)
        ?? throw new ArgumentException($"{method} {pathTemplate} is not in the route table.", nameof(pathTemplate));

    private static RouteParameter Query(string name, string type, string description, bool required = false) =>
        new(name, ParameterLocation.Query, type, required, description);

    private static RouteDefinition Public(string method, string path, string op, string summary, string tag) =>
        new(method, path, RouteAccess.Public, null, op, summary, tag);

    private static RouteDefinition Need(P permission, string method, string path, string op, string summary, string tag) =>
        new(method, path, RouteAccess.Permission, permission, op, summary, tag);

    // Drill-or-recovery routes: the route admits either permission; the handler refuses a RECOVERY to a drill-only caller.
    private static RouteDefinition Execute(string method, string path, string op, string summary, string tag) =>
        new(method, path, RouteAccess.Permission, P.ExecuteDrill, op, summary, tag) { AlternativePermissions = [P.ExecuteRecovery] };

    private static List<RouteDefinition> Build()
    {
        const string System = "System", Groups = "ProtectionGroups", Plans = "RecoveryPlans", Executions = "Executions",
            Drs = "Drs", Accounts = "Accounts", Ec2 = "Ec2", Config = "Config";
        var ec2Scope = new[] { AccountId, Region };
        return
        [
            Public("GET", "/health", "getHealth", "Liveness of the API.", System) with { ResponseType = "HealthResponse" },
            Public("GET", "/openapi.json", "getOpenApi", "This OpenAPI 3 document.", System) with { ResponseType = "OpenApiDocument" },
            new RouteDefinition("GET", "/users/profile", RouteAccess.Authenticated, null, "getUserProfile", "The caller's identity, groups and effective permissions.", System) { ResponseType = "UserProfile" },

            Need(P.ViewResources, "GET", "/protection-groups", "listProtectionGroups", "List protection groups.", Groups) with { ResponseType = "ProtectionGroupPage", QueryParameters = [Limit, NextToken, OptionalAccountId, OptionalRegion, Query("name", "string", "Case-insensitive name filter.")] },
            Need(P.CreateProtectionGroup, "POST", "/protection-groups", "createProtectionGroup", "Create a protection group.", Groups) with { RequestType = "CreateProtectionGroupRequest", ResponseType = "ProtectionGroupView", SuccessStatus = 201 },
            Need(P.ViewResources, "POST", "/protection-groups/resolve", "resolveProtectionGroupTags", "Preview the source servers that tag criteria match.", Groups) with { RequestType = "ResolveTagsRequest", ResponseType = "ResolveTagsResponse" },
            Need(P.ViewResources, "GET", "/protection-groups/{groupId}", "getProtectionGroup", "Get a protection group.", Groups) with { ResponseType = "ProtectionGroupView" },
            Need(P.UpdateProtectionGroup, "PUT", "/protection-groups/{groupId}", "updateProtectionGroup", "Replace a protection group (optimistic version check).", Groups) with { RequestType = "UpdateProtectionGroupRequest", ResponseType = "ProtectionGroupView" },
            Need(P.DeleteProtectionGroup, "DELETE", "/protection-groups/{groupId}", "deleteProtectionGroup", "Delete a protection group no plan uses.", Groups) with { SuccessStatus = 204 },
            Need(P.ViewResources, "GET", "/protection-groups/{groupId}/launch-configuration", "getProtectionGroupLaunchConfiguration", "Group launch settings and per-server overrides.", Groups) with { ResponseType = "GroupLaunchConfigurationView" },
            Need(P.UpdateProtectionGroup, "PUT", "/protection-groups/{groupId}/launch-configuration", "putProtectionGroupLaunchConfiguration", "Replace group launch settings and overrides.", Groups) with { RequestType = "PutGroupLaunchConfigurationRequest", ResponseType = "GroupLaunchConfigurationView" },
            Need(P.UpdateProtectionGroup, "POST", "/protection-groups/{groupId}/apply-launch-configuration", "applyProtectionGroupLaunchConfiguration", "Apply the group's launch settings to every member server: DRS launch configuration and EC2 launch template.", Groups) with { ResponseType = "ApplyLaunchConfigurationResult" },

            Need(P.ViewResources, "GET", "/recovery-plans", "listRecoveryPlans", "List recovery plans.", Plans) with { ResponseType = "RecoveryPlanPage", QueryParameters = [Limit, NextToken, Query("name", "string", "Case-insensitive name filter.")] },
            Need(P.CreateRecoveryPlan, "POST", "/recovery-plans", "createRecoveryPlan", "Create a recovery plan.", Plans) with { RequestType = "CreateRecoveryPlanRequest", ResponseType = "RecoveryPlanView", SuccessStatus = 201 },
            Need(P.ViewResources, "GET", "/recovery-plans/{planId}", "getRecoveryPlan", "Get a recovery plan.", Plans) with { ResponseType = "RecoveryPlanView" },
            Need(P.UpdateRecoveryPlan, "PUT", "/recovery-plans/{planId}", "updateRecoveryPlan", "Replace a recovery plan (optimistic version check).", Plans) with { RequestType = "UpdateRecoveryPlanRequest", ResponseType = "RecoveryPlanView" },
            Need(P.DeleteRecoveryPlan, "DELETE", "/recovery-plans/{planId}", "deleteRecoveryPlan", "Delete a recovery plan with no active execution.", Plans) with { SuccessStatus = 204 },
            Execute("POST", "/recovery-plans/{planId}/execute", "executeRecoveryPlan", "Start a drill or recovery of the plan.", Plans) with { RequestType = "ExecutePlanRequest", ResponseType = "ExecutionView", SuccessStatus = 202 },
            Need(P.ViewResources, "GET", "/recovery-plans/{planId}/check-existing-instances", "checkExistingInstances", "Recovery instances that already exist for the plan's servers.", Plans) with { ResponseType = "ExistingInstancesReport" },
            Need(P.ViewResources, "GET", "/recovery-plans/{planId}/readiness", "getRecoveryPlanReadiness", "Per-check readiness of the plan.", Plans) with { ResponseType = "ReadinessReport" },

            Need(P.ViewResources, "GET", "/executions", "listExecutions", "List executions.", Executions) with { ResponseType = "ExecutionPage", QueryParameters = [Limit, NextToken, Query("status", "string", "Filter by execution status."), Query("planId", "string", "Filter by recovery plan."), Query("type", "string", "DRILL or RECOVERY.")] },
            Execute("POST", "/executions", "startExecution", "Start a drill or recovery.", Executions) with { RequestType = "StartExecutionRequest", ResponseType = "ExecutionView", SuccessStatus = 202 },
            Need(P.ManageExecution, "DELETE", "/executions", "deleteExecutions", "Delete finished executions by id.", Executions) with { ResponseType = "BulkDeleteResult", QueryParameters = [Query("ids", "string", "Comma-separated execution ids.", required: true)] },
            Need(P.ManageExecution, "POST", "/executions/delete", "deleteExecutionsByBody", "Delete finished executions by id (ids in the body).", Executions) with { RequestType = "BulkDeleteRequest", ResponseType = "BulkDeleteResult" },
            Need(P.ViewResources, "GET", "/executions/{id}", "getExecution", "Get an execution with its waves and servers.", Executions) with { ResponseType = "ExecutionView" },
            Need(P.ManageExecution, "POST", "/executions/{id}/pause", "pauseExecution", "Pause before the next wave.", Executions) with { ResponseType = "ExecutionView", SuccessStatus = 202 },
            Need(P.ManageExecution, "POST", "/executions/{id}/resume", "resumeExecution", "Resume a paused execution.", Executions) with { ResponseType = "ExecutionView", SuccessStatus = 202 },
            Need(P.ManageExecution, "POST", "/executions/{id}/cancel", "cancelExecution", "Cancel an active execution.", Executions) with { ResponseType = "ExecutionView", SuccessStatus = 202 },
            Need(P.TerminateInstances, "POST", "/executions/{id}/terminate-instances", "terminateRecoveryInstances", "Terminate the recovery instances a drill launched (a RECOVERY needs confirmRecovery).", Executions) with { RequestType = "TerminateInstancesRequest", ResponseType = "TerminationStatusView", SuccessStatus = 202 },
            Need(P.ViewResources, "GET", "/executions/{id}/job-logs", "getExecutionJobLogs", "DRS job log events of every job of the execution.", Executions) with { ResponseType = "JobLogsView" },
            Need(P.ViewResources, "GET", "/executions/{id}/recovery-instances", "getExecutionRecoveryInstances", "Recovery instances the execution launched.", Executions) with { ResponseType = "RecoveryInstancesView" },
            Need(P.ViewResources, "GET", "/executions/{id}/termination-status", "getTerminationStatus", "Progress of recovery instance termination.", Executions) with { ResponseType = "TerminationStatus" },
            Need(P.ViewResources, "GET", "/executions/{id}/report", "getExecutionReport", "Evidence of one run: planned vs actual, jobs, failures, operator actions.", Executions) with { ResponseType = "ExecutionReport" },

            Need(P.ViewResources, "GET", "/drs/source-servers", "listSourceServers", "DRS source servers of an account and region, with search and filters.", Drs) with { ResponseType = "SourceServerPage", QueryParameters = [AccountId, Region, Limit, NextToken, Query("search", "string", "Matches id, hostname or name tag."), Query("replicationState", "string", "Filter by data replication state."), Query("tag", "string", "key=value; repeatable as comma-separated list."), Query("unassigned", "boolean", "Only servers in no protection group.")] },
            Need(P.ViewResources, "GET", "/drs/source-servers/{id}", "getSourceServer", "One DRS source server.", Drs) with { ResponseType = "SourceServerView", QueryParameters = [AccountId, Region] },
            Need(P.ViewResources, "GET", "/drs/source-servers/{id}/launch-configuration", "getSourceServerLaunchConfiguration", "DRS launch configuration of a server.", Drs) with { ResponseType = "LaunchConfigurationView", QueryParameters = [AccountId, Region] },
            Need(P.UpdateProtectionGroup, "PUT", "/drs/source-servers/{id}/launch-configuration", "putSourceServerLaunchConfiguration", "Update a server's DRS launch configuration.", Drs) with { RequestType = "PutLaunchConfigurationRequest", ResponseType = "LaunchConfigurationView", QueryParameters = [AccountId, Region] },
            Need(P.ViewResources, "GET", "/drs/source-servers/{id}/tags", "getSourceServerTags", "Tags of a source server.", Drs) with { ResponseType = "TagsView", QueryParameters = [AccountId, Region] },
            Need(P.UpdateProtectionGroup, "PUT", "/drs/source-servers/{id}/tags", "putSourceServerTags", "Add or replace tags of a source server and remove the listed keys.", Drs) with { RequestType = "PutTagsRequest", ResponseType = "TagsView", QueryParameters = [AccountId, Region] },
            Need(P.ViewResources, "GET", "/drs/quotas", "getDrsQuotas", "DRS limits and usage of one account and region.", Drs) with { ResponseType = "QuotaView", QueryParameters = [AccountId, Region] },
            Need(P.ViewResources, "GET", "/drs/capacity", "getDrsCapacity", "Capacity of every registered account and region, queried in parallel.", Drs) with { ResponseType = "CapacityView" },
            Need(P.ViewResources, "GET", "/drs/capacity/regional", "getDrsRegionalCapacity", "Capacity per region of one account.", Drs) with { ResponseType = "CapacityView", QueryParameters = [AccountId] },
            Need(P.ViewResources, "GET", "/drs/accounts", "listDrsAccounts", "Accounts and regions the orchestrator can reach for DRS.", Drs) with { ResponseType = "DrsAccountsView" },
            Need(P.ViewResources, "GET", "/drs/jobs/{jobId}/logs", "getDrsJobLogs", "Log items of one DRS job.", Drs) with { ResponseType = "JobLogsView", QueryParameters = [AccountId, Region] },

            Need(P.ViewResources, "GET", "/accounts", "listAccounts", "List target accounts.", Accounts) with { ResponseType = "AccountPage", QueryParameters = [Limit, NextToken] },
            Need(P.ManageAccounts, "POST", "/accounts", "createAccount", "Register a target account.", Accounts) with { RequestType = "CreateAccountRequest", ResponseType = "AccountView", SuccessStatus = 201 },
            Need(P.ViewResources, "GET", "/accounts/{accountId}", "getAccount", "Get a target account.", Accounts) with { ResponseType = "AccountView" },
            Need(P.ManageAccounts, "PUT", "/accounts/{accountId}", "updateAccount", "Update a target account.", Accounts) with { RequestType = "UpdateAccountRequest", ResponseType = "AccountView" },
            Need(P.ManageAccounts, "DELETE", "/accounts/{accountId}", "deleteAccount", "Remove a target account no protection group uses.", Accounts) with { SuccessStatus = 204 },
            Need(P.ManageAccounts, "POST", "/accounts/{accountId}/validate", "validateAccount", "Assume the account's role and check DRS access; report what failed.", Accounts) with { ResponseType = "AccountValidation" },

            Need(P.ViewResources, "GET", "/ec2/subnets", "listSubnets", "Subnets of an account and region.", Ec2) with { ResponseType = "Ec2Subnets", QueryParameters = ec2Scope },
            Need(P.ViewResources, "GET", "/ec2/security-groups", "listSecurityGroups", "Security groups of an account and region.", Ec2) with { ResponseType = "Ec2SecurityGroups", QueryParameters = [AccountId, Region, Query("vpcId", "string", "Only groups of this VPC.")] },
            Need(P.ViewResources, "GET", "/ec2/instance-profiles", "listInstanceProfiles", "IAM instance profiles of an account.", Ec2) with { ResponseType = "Ec2InstanceProfiles", QueryParameters = ec2Scope },
            Need(P.ViewResources, "GET", "/ec2/instance-types", "listInstanceTypes", "Instance types offered in a region.", Ec2) with { ResponseType = "Ec2InstanceTypes", QueryParameters = ec2Scope },
            Need(P.ViewResources, "GET", "/ec2/launch-templates", "listLaunchTemplates", "Launch templates of an account and region.", Ec2) with { ResponseType = "Ec2LaunchTemplates", QueryParameters = ec2Scope },

            Need(P.ViewResources, "GET", "/config/settings", "getSettings", "Orchestrator settings.", Config) with { ResponseType = "SettingsView" },
            Need(P.ManageAccounts, "PUT", "/config/settings", "putSettings", "Replace orchestrator settings.", Config) with { RequestType = "PutSettingsRequest", ResponseType = "SettingsView" },
            Need(P.ViewResources, "GET", "/config/regions", "listRegions", "Regions where DRS is available.", Config) with { ResponseType = "RegionsView" },
            Need(P.ViewResources, "GET", "/config/health", "getConfigHealth", "Health of the orchestrator's dependencies.", Config) with { ResponseType = "ConfigHealthView" },
            Need(P.ManageAccounts, "GET", "/config/export", "exportConfiguration", "Export the whole configuration.", Config) with { ResponseType = "ConfigurationExport" },
            Need(P.ManageAccounts, "POST", "/config/import", "importConfiguration", "Import a configuration; everything is validated before anything is written.", Config) with { RequestType = "ConfigurationExport", ResponseType = "ImportResult", QueryParameters = [Query("dryRun", "boolean", "Validate only.")] },
            Need(P.ViewResources, "GET", "/config/tag-sync", "getTagSync", "Tag synchronisation settings and last run.", Config) with { ResponseType = "TagSyncView" },
            Need(P.ManageAccounts, "PUT", "/config/tag-sync", "putTagSync", "Replace tag synchronisation settings.", Config) with { RequestType = "PutTagSyncRequest", ResponseType = "TagSyncView" },
            Need(P.ManageAccounts, "POST", "/config/tag-sync/run", "runTagSync", "Run tag synchronisation now.", Config) with { ResponseType = "TagSyncRunResult" },
        ];
    }
}
