namespace DrsOrchestrator.Simulator.Model;

/// <summary>A CreateLaunchTemplateVersion call; null members were not in the request.</summary>
/// <param name="NetworkInterfaces">Null: keep the source version's interfaces; a list replaces them.</param>
/// <param name="Fingerprint">The request's parameters in a canonical form, to tell a retry from a reused client token.</param>
public sealed record LaunchTemplateVersionRequest(
    string? LaunchTemplateId,
    string? LaunchTemplateName,
    string? SourceVersion,
    string? ClientToken,
    string? VersionDescription,
    string? InstanceType,
    string? IamInstanceProfileArn,
    string? IamInstanceProfileName,
    IReadOnlyList<SimLaunchTemplateNetworkInterface>? NetworkInterfaces,
    string Fingerprint)
{
    public bool SetsData => InstanceType is not null || IamInstanceProfileArn is not null || IamInstanceProfileName is not null || NetworkInterfaces is not null;
}
