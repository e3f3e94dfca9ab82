namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>A partial update: null members are not sent, so DRS keeps their current values.</summary>
public sealed record DrsLaunchConfigurationUpdate(
    string SourceServerId,
    string? Name = null,
    bool? CopyPrivateIp = null,
    bool? CopyTags = null,
    string? LaunchDisposition = null,
    string? TargetInstanceTypeRightSizingMethod = null,
    bool? OsByol = null,
    bool? PostLaunchEnabled = null,
    string? LaunchIntoEc2InstanceId = null);
