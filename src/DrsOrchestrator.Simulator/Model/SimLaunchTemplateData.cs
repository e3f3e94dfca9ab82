namespace DrsOrchestrator.Simulator.Model;

/// <summary>The launch-template members the simulator keeps; a recovery instance launches with its template's default version.</summary>
public sealed record SimLaunchTemplateData
{
    public string? InstanceType { get; init; }

    public string? IamInstanceProfileArn { get; init; }

    public string? IamInstanceProfileName { get; init; }

    public IReadOnlyList<SimLaunchTemplateNetworkInterface> NetworkInterfaces { get; init; } = [];

    /// <summary>The subnet of the interface with device index 0 (or the first interface).</summary>
    public string? PrimarySubnetId =>
        (NetworkInterfaces.FirstOrDefault(n => n.DeviceIndex is 0) ?? NetworkInterfaces.FirstOrDefault())?.SubnetId;
}
