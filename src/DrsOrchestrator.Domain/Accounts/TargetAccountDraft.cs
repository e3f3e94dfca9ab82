namespace DrsOrchestrator.Domain.Accounts;

/// <summary>The fields a user edits for a target account.</summary>
public sealed record TargetAccountDraft
{
    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required string RoleArn { get; init; }

    public required string ExternalId { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }
}
