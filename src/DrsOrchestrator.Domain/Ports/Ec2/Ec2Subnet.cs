namespace DrsOrchestrator.Domain.Ports.Ec2;

public sealed record Ec2Subnet(string SubnetId, string? VpcId, string? AvailabilityZone, string? CidrBlock, string? Name);
