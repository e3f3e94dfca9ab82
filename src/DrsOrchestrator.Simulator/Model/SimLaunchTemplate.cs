namespace DrsOrchestrator.Simulator.Model;

/// <summary>An EC2 launch template with its versions; DRS keeps one per source server.</summary>
public sealed record SimLaunchTemplate
{
    public required string LaunchTemplateId { get; init; }

    public required string LaunchTemplateName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required long DefaultVersionNumber { get; init; }

    /// <summary>The versions that exist, in creation order; deleted ones are gone, so numbers may have gaps.</summary>
    public required IReadOnlyList<SimLaunchTemplateVersion> Versions { get; init; }

    /// <summary>The highest number ever given to a version: EC2 never reuses the number of a deleted one.</summary>
    public long HighestVersionNumberIssued { get; init; }

    public long LatestVersionNumber => Versions[^1].VersionNumber;

    public long NextVersionNumber => Math.Max(HighestVersionNumberIssued, LatestVersionNumber) + 1;

    public SimLaunchTemplateVersion DefaultVersion => Versions.First(v => v.VersionNumber == DefaultVersionNumber);
}
