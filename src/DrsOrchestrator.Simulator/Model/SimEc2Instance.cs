namespace DrsOrchestrator.Simulator.Model;

/// <summary>A recovery instance as EC2 DescribeInstances shows it; State is EC2's lower-case state name.</summary>
internal sealed record SimEc2Instance(
    string InstanceId,
    string State,
    string InstanceType,
    string? PrivateIpAddress,
    string? SubnetId,
    string VpcId,
    string? AvailabilityZone,
    DateTimeOffset LaunchTime,
    IReadOnlyDictionary<string, string> Tags);
