namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>A problem EC2 found in a new launch-template version it created anyway (the answer's warning errorSet).</summary>
public sealed record Ec2ValidationError(string Code, string Message);
