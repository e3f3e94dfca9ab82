using System.Text.Json.Serialization;

namespace DrsOrchestrator.Aws.Drs;

// The DRS wire shapes (drs-2020-02-26 model member names). Only members the orchestrator uses are
// declared; the conformance tests walk these types against the official model.
internal sealed record StartRecoveryInput(
    [property: JsonPropertyName("sourceServers")] IReadOnlyList<StartRecoverySourceServerWire> SourceServers,
    [property: JsonPropertyName("isDrill")] bool IsDrill,
    [property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string>? Tags);

internal sealed record StartRecoverySourceServerWire(
    [property: JsonPropertyName("sourceServerID")] string SourceServerId,
    [property: JsonPropertyName("recoverySnapshotID")] string? RecoverySnapshotId);

internal sealed record DescribeJobsInput(
    [property: JsonPropertyName("filters")] DescribeJobsFiltersWire? Filters,
    [property: JsonPropertyName("maxResults")] int? MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeJobsFiltersWire(
    [property: JsonPropertyName("jobIDs")] IReadOnlyList<string>? JobIds,
    [property: JsonPropertyName("fromDate")] string? FromDate,
    [property: JsonPropertyName("toDate")] string? ToDate);

internal sealed record DescribeJobLogItemsInput(
    [property: JsonPropertyName("jobID")] string JobId,
    [property: JsonPropertyName("maxResults")] int? MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeSourceServersInput(
    [property: JsonPropertyName("filters")] DescribeSourceServersFiltersWire? Filters,
    [property: JsonPropertyName("maxResults")] int? MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeSourceServersFiltersWire(
    [property: JsonPropertyName("sourceServerIDs")] IReadOnlyList<string>? SourceServerIds,
    [property: JsonPropertyName("hardwareId")] string? HardwareId,
    [property: JsonPropertyName("stagingAccountIDs")] IReadOnlyList<string>? StagingAccountIds);

internal sealed record DescribeRecoveryInstancesInput(
    [property: JsonPropertyName("filters")] DescribeRecoveryInstancesFiltersWire? Filters,
    [property: JsonPropertyName("maxResults")] int? MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeRecoveryInstancesFiltersWire(
    [property: JsonPropertyName("recoveryInstanceIDs")] IReadOnlyList<string>? RecoveryInstanceIds,
    [property: JsonPropertyName("sourceServerIDs")] IReadOnlyList<string>? SourceServerIds);

internal sealed record TerminateRecoveryInstancesInput(
    [property: JsonPropertyName("recoveryInstanceIDs")] IReadOnlyList<string> RecoveryInstanceIds);

internal sealed record GetLaunchConfigurationInput(
    [property: JsonPropertyName("sourceServerID")] string SourceServerId);

internal sealed record UpdateLaunchConfigurationInput(
    [property: JsonPropertyName("sourceServerID")] string SourceServerId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("copyPrivateIp")] bool? CopyPrivateIp,
    [property: JsonPropertyName("copyTags")] bool? CopyTags,
    [property: JsonPropertyName("launchDisposition")] string? LaunchDisposition,
    [property: JsonPropertyName("targetInstanceTypeRightSizingMethod")] string? TargetInstanceTypeRightSizingMethod,
    [property: JsonPropertyName("licensing")] LicensingWire? Licensing,
    [property: JsonPropertyName("postLaunchEnabled")] bool? PostLaunchEnabled,
    [property: JsonPropertyName("launchIntoInstanceProperties")] LaunchIntoInstancePropertiesWire? LaunchIntoInstanceProperties);

internal sealed record LicensingWire([property: JsonPropertyName("osByol")] bool? OsByol);

internal sealed record LaunchIntoInstancePropertiesWire([property: JsonPropertyName("launchIntoEC2InstanceID")] string? LaunchIntoEc2InstanceId);

internal sealed record DescribeRecoverySnapshotsInput(
    [property: JsonPropertyName("sourceServerID")] string SourceServerId,
    [property: JsonPropertyName("filters")] DescribeRecoverySnapshotsFiltersWire? Filters,
    [property: JsonPropertyName("order")] string? Order,
    [property: JsonPropertyName("maxResults")] int? MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeRecoverySnapshotsFiltersWire(
    [property: JsonPropertyName("fromDateTime")] string? FromDateTime,
    [property: JsonPropertyName("toDateTime")] string? ToDateTime);

internal sealed record TagResourceInput([property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string> Tags);

internal sealed record JobOutput([property: JsonPropertyName("job")] JobWire? Job);

internal sealed record TagsOutput([property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

internal sealed record JobsOutput(
    [property: JsonPropertyName("items")] List<JobWire>? Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record JobLogItemsOutput(
    [property: JsonPropertyName("items")] List<JobLogItemWire>? Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record SourceServersOutput(
    [property: JsonPropertyName("items")] List<SourceServerWire>? Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record RecoveryInstancesOutput(
    [property: JsonPropertyName("items")] List<RecoveryInstanceWire>? Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record RecoverySnapshotsOutput(
    [property: JsonPropertyName("items")] List<RecoverySnapshotWire>? Items,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record JobWire(
    [property: JsonPropertyName("jobID")] string? JobId,
    [property: JsonPropertyName("arn")] string? Arn,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("initiatedBy")] string? InitiatedBy,
    [property: JsonPropertyName("creationDateTime")] string? CreationDateTime,
    [property: JsonPropertyName("endDateTime")] string? EndDateTime,
    [property: JsonPropertyName("participatingServers")] List<ParticipatingServerWire>? ParticipatingServers,
    [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

internal sealed record ParticipatingServerWire(
    [property: JsonPropertyName("sourceServerID")] string? SourceServerId,
    [property: JsonPropertyName("launchStatus")] string? LaunchStatus,
    [property: JsonPropertyName("recoveryInstanceID")] string? RecoveryInstanceId);

internal sealed record JobLogItemWire(
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("eventData")] JobLogEventDataWire? EventData,
    [property: JsonPropertyName("logDateTime")] string? LogDateTime);

internal sealed record JobLogEventDataWire(
    [property: JsonPropertyName("sourceServerID")] string? SourceServerId,
    [property: JsonPropertyName("conversionServerID")] string? ConversionServerId,
    [property: JsonPropertyName("targetInstanceID")] string? TargetInstanceId,
    [property: JsonPropertyName("rawError")] string? RawError);

internal sealed record SourceServerWire(
    [property: JsonPropertyName("sourceServerID")] string? SourceServerId,
    [property: JsonPropertyName("arn")] string? Arn,
    [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags,
    [property: JsonPropertyName("lastLaunchResult")] string? LastLaunchResult,
    [property: JsonPropertyName("recoveryInstanceId")] string? RecoveryInstanceId,
    [property: JsonPropertyName("dataReplicationInfo")] DataReplicationInfoWire? DataReplicationInfo,
    [property: JsonPropertyName("sourceProperties")] SourcePropertiesWire? SourceProperties,
    [property: JsonPropertyName("stagingArea")] StagingAreaWire? StagingArea);

internal sealed record DataReplicationInfoWire(
    [property: JsonPropertyName("dataReplicationState")] string? DataReplicationState,
    [property: JsonPropertyName("lagDuration")] string? LagDuration);

internal sealed record SourcePropertiesWire(
    [property: JsonPropertyName("identificationHints")] IdentificationHintsWire? IdentificationHints,
    [property: JsonPropertyName("networkInterfaces")] List<NetworkInterfaceWire>? NetworkInterfaces,
    [property: JsonPropertyName("os")] OsWire? Os,
    [property: JsonPropertyName("recommendedInstanceType")] string? RecommendedInstanceType);

internal sealed record IdentificationHintsWire(
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("fqdn")] string? Fqdn);

internal sealed record NetworkInterfaceWire(
    [property: JsonPropertyName("ips")] List<string>? Ips,
    [property: JsonPropertyName("isPrimary")] bool? IsPrimary);

internal sealed record OsWire([property: JsonPropertyName("fullString")] string? FullString);

internal sealed record StagingAreaWire([property: JsonPropertyName("stagingAccountID")] string? StagingAccountId);

internal sealed record RecoveryInstanceWire(
    [property: JsonPropertyName("recoveryInstanceID")] string? RecoveryInstanceId,
    [property: JsonPropertyName("arn")] string? Arn,
    [property: JsonPropertyName("ec2InstanceID")] string? Ec2InstanceId,
    [property: JsonPropertyName("ec2InstanceState")] string? Ec2InstanceState,
    [property: JsonPropertyName("sourceServerID")] string? SourceServerId,
    [property: JsonPropertyName("jobID")] string? JobId,
    [property: JsonPropertyName("isDrill")] bool? IsDrill,
    [property: JsonPropertyName("pointInTimeSnapshotDateTime")] string? PointInTimeSnapshotDateTime,
    [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

internal sealed record LaunchConfigurationWire(
    [property: JsonPropertyName("sourceServerID")] string? SourceServerId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("ec2LaunchTemplateID")] string? Ec2LaunchTemplateId,
    [property: JsonPropertyName("copyPrivateIp")] bool? CopyPrivateIp,
    [property: JsonPropertyName("copyTags")] bool? CopyTags,
    [property: JsonPropertyName("launchDisposition")] string? LaunchDisposition,
    [property: JsonPropertyName("targetInstanceTypeRightSizingMethod")] string? TargetInstanceTypeRightSizingMethod,
    [property: JsonPropertyName("licensing")] LicensingWire? Licensing,
    [property: JsonPropertyName("postLaunchEnabled")] bool? PostLaunchEnabled,
    [property: JsonPropertyName("launchIntoInstanceProperties")] LaunchIntoInstancePropertiesWire? LaunchIntoInstanceProperties);

internal sealed record RecoverySnapshotWire(
    [property: JsonPropertyName("snapshotID")] string? SnapshotId,
    [property: JsonPropertyName("sourceServerID")] string? SourceServerId,
    [property: JsonPropertyName("expectedTimestamp")] string? ExpectedTimestamp,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("ebsSnapshots")] List<string>? EbsSnapshots);

internal sealed record EmptyOutput;
