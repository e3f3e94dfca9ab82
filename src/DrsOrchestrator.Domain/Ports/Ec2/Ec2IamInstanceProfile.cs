namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>A launch template's instance profile: EC2 keeps whichever of the two it was given.</summary>
public sealed record Ec2IamInstanceProfile(string? Arn, string? Name);
