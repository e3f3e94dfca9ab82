namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <param name="State">pending | running | shutting-down | terminated | stopping | stopped.</param>
public sealed record Ec2Instance(
    string InstanceId,
    string? State,
    string? InstanceType,
    string? PrivateIpAddress,
    string? SubnetId,
    IReadOnlyDictionary<string, string> Tags);
