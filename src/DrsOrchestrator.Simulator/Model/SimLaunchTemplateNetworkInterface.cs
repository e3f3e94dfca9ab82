namespace DrsOrchestrator.Simulator.Model;

/// <summary>A network interface in a launch template version (DRS keeps the recovery subnet and groups on device 0).</summary>
public sealed record SimLaunchTemplateNetworkInterface
{
    public int? DeviceIndex { get; init; }

    public string? SubnetId { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public bool? AssociatePublicIpAddress { get; init; }

    public bool? DeleteOnTermination { get; init; }

    public string? PrivateIpAddress { get; init; }

    public string? Description { get; init; }
}
