namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>
/// One network interface of a launch template. DRS puts the recovery subnet and security groups on the
/// interface with device index 0 rather than at the template's top level.
/// </summary>
/// <remarks>
/// A new version that sets network interfaces replaces the source version's list, so every member the
/// orchestrator does not change is read and written back as it was.
/// </remarks>
public sealed record Ec2LaunchTemplateNetworkInterface
{
    public int? DeviceIndex { get; init; }

    public string? SubnetId { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public bool? AssociatePublicIpAddress { get; init; }

    public bool? DeleteOnTermination { get; init; }

    public string? PrivateIpAddress { get; init; }

    public string? Description { get; init; }

    public string? NetworkInterfaceId { get; init; }
}
