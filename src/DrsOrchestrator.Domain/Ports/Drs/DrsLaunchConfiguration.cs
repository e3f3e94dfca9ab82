namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="LaunchDisposition">STOPPED | STARTED.</param>
/// <param name="TargetInstanceTypeRightSizingMethod">NONE | BASIC | IN_AWS.</param>
public sealed record DrsLaunchConfiguration(
    string SourceServerId,
    string? Name,
    string? Ec2LaunchTemplateId,
    bool? CopyPrivateIp,
    bool? CopyTags,
    string? LaunchDisposition,
    string? TargetInstanceTypeRightSizingMethod,
    bool? OsByol,
    bool? PostLaunchEnabled,
    string? LaunchIntoEc2InstanceId);
