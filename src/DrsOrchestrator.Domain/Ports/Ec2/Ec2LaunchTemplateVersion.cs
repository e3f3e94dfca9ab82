namespace DrsOrchestrator.Domain.Ports.Ec2;

public sealed record Ec2LaunchTemplateVersion(string LaunchTemplateId, long VersionNumber, bool IsDefault, Ec2LaunchTemplateData Data);
