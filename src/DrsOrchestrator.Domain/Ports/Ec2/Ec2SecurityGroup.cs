namespace DrsOrchestrator.Domain.Ports.Ec2;

public sealed record Ec2SecurityGroup(string GroupId, string? GroupName, string? VpcId, string? Description);
