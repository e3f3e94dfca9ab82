namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <param name="Warnings">
/// EC2 does not fully validate launch templates: it may create the version and report the parameters it
/// could not use. A version with warnings must not become the default.
/// </param>
public sealed record Ec2CreatedLaunchTemplateVersion(string LaunchTemplateId, long VersionNumber, IReadOnlyList<Ec2ValidationError> Warnings);
