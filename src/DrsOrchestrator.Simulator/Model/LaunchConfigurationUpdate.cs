namespace DrsOrchestrator.Simulator.Model;

/// <summary>UpdateLaunchConfiguration input: null members are left unchanged.</summary>
public sealed record LaunchConfigurationUpdate(string SourceServerId)
{
    public bool? CopyPrivateIp { get; init; }

    public bool? CopyTags { get; init; }

    public string? LaunchDisposition { get; init; }

    public bool? OsByol { get; init; }

    public string? Name { get; init; }

    public bool? PostLaunchEnabled { get; init; }

    public string? TargetInstanceTypeRightSizingMethod { get; init; }

    public string? LaunchIntoEc2InstanceId { get; init; }
}
