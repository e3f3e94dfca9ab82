namespace DrsOrchestrator.Application.Configuration;

/// <param name="IntervalHours">How often the scheduled sync runs (1–24) when enabled.</param>
public sealed record TagSyncSettings(bool Enabled, int IntervalHours, IReadOnlyList<TagSyncRule> Rules)
{
    public const int MaxRules = 50;

    public static TagSyncSettings Default { get; } = new(false, 4, []);
}
