using System.Text.Json.Serialization;

namespace DrsOrchestrator.Aws.Drs;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartRecoveryInput))]
[JsonSerializable(typeof(DescribeJobsInput))]
[JsonSerializable(typeof(DescribeJobLogItemsInput))]
[JsonSerializable(typeof(DescribeSourceServersInput))]
[JsonSerializable(typeof(DescribeRecoveryInstancesInput))]
[JsonSerializable(typeof(TerminateRecoveryInstancesInput))]
[JsonSerializable(typeof(GetLaunchConfigurationInput))]
[JsonSerializable(typeof(UpdateLaunchConfigurationInput))]
[JsonSerializable(typeof(DescribeRecoverySnapshotsInput))]
[JsonSerializable(typeof(TagResourceInput))]
[JsonSerializable(typeof(JobOutput))]
[JsonSerializable(typeof(TagsOutput))]
[JsonSerializable(typeof(JobsOutput))]
[JsonSerializable(typeof(JobLogItemsOutput))]
[JsonSerializable(typeof(SourceServersOutput))]
[JsonSerializable(typeof(RecoveryInstancesOutput))]
[JsonSerializable(typeof(RecoverySnapshotsOutput))]
[JsonSerializable(typeof(LaunchConfigurationWire))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class DrsJsonContext : JsonSerializerContext;
