namespace DrsOrchestrator.Domain.Ports.Ec2;

public sealed record Ec2LaunchTemplate(string LaunchTemplateId, string? LaunchTemplateName, long? DefaultVersionNumber, long? LatestVersionNumber);
