using System.Text.Json.Serialization;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.Inventory;
using DrsOrchestrator.Application.ProtectionGroups;
using DrsOrchestrator.Application.RecoveryPlans;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Functions.Api.Endpoints.Accounts;
using DrsOrchestrator.Functions.Api.Endpoints.Config;
using DrsOrchestrator.Functions.Api.Endpoints.Drs;
using DrsOrchestrator.Functions.Api.Endpoints.Ec2;
using DrsOrchestrator.Functions.Api.Endpoints.Executions;
using DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;
using DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;
using DrsOrchestrator.Functions.Api.Endpoints.System;
using StartExecutionRequest = DrsOrchestrator.Functions.Api.Endpoints.Executions.StartExecutionRequest;

namespace DrsOrchestrator.Functions.Api.Json;

/// <summary>
/// Source-generated metadata for every request and response body. Strictness (nullability, required
/// constructor parameters) is part of the contract: bad input is refused, never defaulted. Enums in
/// responses travel as UPPER_SNAKE names; requests take enum names as strings and check them (400).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    Converters = [typeof(WireEnumConverterFactory)])]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(CreateProtectionGroupRequest))]
[JsonSerializable(typeof(UpdateProtectionGroupRequest))]
[JsonSerializable(typeof(PutGroupLaunchConfigurationRequest))]
[JsonSerializable(typeof(ProtectionGroupView))]
[JsonSerializable(typeof(ProtectionGroupPage))]
[JsonSerializable(typeof(GroupLaunchConfigurationView))]
[JsonSerializable(typeof(ResolveTagsRequest))]
[JsonSerializable(typeof(ResolveTagsResponse))]
[JsonSerializable(typeof(LaunchApplyResult))]
[JsonSerializable(typeof(CreateRecoveryPlanRequest))]
[JsonSerializable(typeof(UpdateRecoveryPlanRequest))]
[JsonSerializable(typeof(RecoveryPlanView))]
[JsonSerializable(typeof(RecoveryPlanPage))]
[JsonSerializable(typeof(ExistingInstancesReport))]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(ExecutePlanRequest))]
[JsonSerializable(typeof(TerminateInstancesRequest))]
[JsonSerializable(typeof(BulkDeleteRequest))]
[JsonSerializable(typeof(ExecutionView))]
[JsonSerializable(typeof(ExecutionPage))]
[JsonSerializable(typeof(JobLogsView))]
[JsonSerializable(typeof(RecoveryInstancesView))]
[JsonSerializable(typeof(ExecutionReport))]
[JsonSerializable(typeof(BulkDeleteResult))]
[JsonSerializable(typeof(TerminationStatusView))]
[JsonSerializable(typeof(SourceServerView))]
[JsonSerializable(typeof(SourceServerListView))]
[JsonSerializable(typeof(DrsLaunchConfiguration))]
[JsonSerializable(typeof(PutLaunchConfigurationRequest))]
[JsonSerializable(typeof(TagsView))]
[JsonSerializable(typeof(PutTagsRequest))]
[JsonSerializable(typeof(QuotaReport))]
[JsonSerializable(typeof(CapacityView))]
[JsonSerializable(typeof(DrsAccountsView))]
[JsonSerializable(typeof(DrsJobLogsView))]
[JsonSerializable(typeof(CreateAccountRequest))]
[JsonSerializable(typeof(UpdateAccountRequest))]
[JsonSerializable(typeof(TargetAccount))]
[JsonSerializable(typeof(AccountPage))]
[JsonSerializable(typeof(AccountValidationResult))]
[JsonSerializable(typeof(Ec2Subnets))]
[JsonSerializable(typeof(Ec2SecurityGroups))]
[JsonSerializable(typeof(Ec2InstanceProfiles))]
[JsonSerializable(typeof(Ec2InstanceTypes))]
[JsonSerializable(typeof(Ec2LaunchTemplates))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(PutSettingsRequest))]
[JsonSerializable(typeof(RegionsView))]
[JsonSerializable(typeof(ConfigHealthView))]
[JsonSerializable(typeof(ConfigurationExport))]
[JsonSerializable(typeof(ImportResult))]
[JsonSerializable(typeof(TagSyncView))]
[JsonSerializable(typeof(PutTagSyncRequest))]
[JsonSerializable(typeof(TagSyncRun))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
