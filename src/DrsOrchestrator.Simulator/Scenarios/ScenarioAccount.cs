namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>
/// A simulated AWS account. AssumeRole into it succeeds only with <see cref="ExternalId"/> (when set)
/// and, when <see cref="RoleName"/> is set, only for that role.
/// </summary>
public sealed record ScenarioAccount
{
    public string AccountId { get; init; } = "";

    public string? Name { get; init; }

    public string? ExternalId { get; init; }

    public string? RoleName { get; init; }

    /// <summary>Secret of the long-term key AKIASIM+account; when set, signatures made with that key are verified.</summary>
    public string? SecretAccessKey { get; init; }

    public IReadOnlyList<ScenarioRegion> Regions { get; init; } = [];

    /// <summary>Names of the account's IAM instance profiles (each with a role of the same name); null: a default set.</summary>
    public IReadOnlyList<string>? InstanceProfiles { get; init; }
}
