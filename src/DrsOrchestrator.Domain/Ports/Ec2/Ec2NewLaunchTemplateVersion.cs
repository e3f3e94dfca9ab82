namespace DrsOrchestrator.Domain.Ports.Ec2;

/// <summary>
/// CreateLaunchTemplateVersion based on <paramref name="SourceVersion"/>: EC2 copies that version and
/// replaces only the members set here (null keeps the source's value).
/// </summary>
/// <param name="ClientToken">Makes the call idempotent: EC2 answers a repeated token with the version it already created.</param>
/// <param name="NetworkInterfaces">The complete list for the new version (it replaces the source's list).</param>
public sealed record Ec2NewLaunchTemplateVersion(
    string LaunchTemplateId,
    long SourceVersion,
    string ClientToken,
    string? VersionDescription = null,
    string? InstanceType = null,
    Ec2IamInstanceProfile? IamInstanceProfile = null,
    IReadOnlyList<Ec2LaunchTemplateNetworkInterface>? NetworkInterfaces = null);
