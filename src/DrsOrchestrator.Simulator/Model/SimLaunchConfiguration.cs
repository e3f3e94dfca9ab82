namespace DrsOrchestrator.Simulator.Model;

/// <summary>A source server's DRS launch configuration (GetLaunchConfiguration's shape).</summary>
public sealed record SimLaunchConfiguration
{
    public required string SourceServerId { get; init; }

    public required string Name { get; init; }

    public required string Ec2LaunchTemplateId { get; init; }

    public bool CopyPrivateIp { get; init; }

    public bool CopyTags { get; init; } = true;

    /// <summary>STARTED or STOPPED.</summary>
    public string LaunchDisposition { get; init; } = "STARTED";

    public bool OsByol { get; init; }

    public bool PostLaunchEnabled { get; init; }

    /// <summary>NONE, BASIC or IN_AWS.</summary>
    public string TargetInstanceTypeRightSizingMethod { get; init; } = "BASIC";

    public string? LaunchIntoEc2InstanceId { get; init; }
}
