namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>The launch-template members the orchestrator reads and writes; the rest stays as EC2 has it.</summary>
public sealed record Ec2LaunchTemplateData(
    string? InstanceType,
    Ec2IamInstanceProfile? IamInstanceProfile,
    IReadOnlyList<Ec2LaunchTemplateNetworkInterface> NetworkInterfaces);
