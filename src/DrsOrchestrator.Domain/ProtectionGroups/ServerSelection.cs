namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>
/// How a protection group picks its servers. One flat record rather than a class hierarchy so it maps
/// straight onto a DynamoDB item and a JSON body; <see cref="ProtectionGroup.Validate"/> rejects a
/// selection that fills the list the mode does not use.
/// </summary>
public sealed record ServerSelection
{
    public required ServerSelectionMode Mode { get; init; }

    public IReadOnlyList<string> SourceServerIds { get; init; } = [];

    public IReadOnlyList<TagCriterion> TagCriteria { get; init; } = [];

    public static ServerSelection Explicit(IEnumerable<string> sourceServerIds) =>
        new() { Mode = ServerSelectionMode.SourceServerIds, SourceServerIds = [.. sourceServerIds] };

    public static ServerSelection ByTags(IEnumerable<TagCriterion> criteria) =>
        new() { Mode = ServerSelectionMode.Tags, TagCriteria = [.. criteria] };

    /// <summary>True when a server with these tags belongs to a tag selection (AND of all criteria, case-sensitive as in DRS).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Mode == ServerSelectionMode.Tags
            && TagCriteria.Count > 0
            && TagCriteria.All(c => tags.TryGetValue(c.Key, out var v) && string.Equals(v, c.Value, StringComparison.Ordinal));
    }
}
