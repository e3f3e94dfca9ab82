namespace DrsOrchestrator.Simulator.Model;

/// <summary>An EC2 launch template with its versions; DRS keeps one per source server.</summary>
public sealed record SimLaunchTemplate
{
    public required string LaunchTemplateId { get; init; }

    public required string LaunchTemplateName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required long DefaultVersionNumber { get; init; }

    /// <summary>Every version in creation order; version N is at index N-1.</summary>
    public required IReadOnlyList<SimLaunchTemplateVersion> Versions { get; init; }

    public long LatestVersionNumber => Versions[^1].VersionNumber;

    public SimLaunchTemplateVersion DefaultVersion => Versions[(int)DefaultVersionNumber - 1];
}
