namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>The fields a user edits; creating or updating a group turns a draft into a validated <see cref="ProtectionGroup"/>.</summary>
public sealed record ProtectionGroupDraft
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required ServerSelection Selection { get; init; }

    public LaunchSettings LaunchSettings { get; init; } = LaunchSettings.Empty;

    /// <summary>Per-server overrides keyed by source server ID.</summary>
    public IReadOnlyDictionary<string, LaunchSettings> ServerOverrides { get; init; } = new Dictionary<string, LaunchSettings>();
}
