using System.Text.Json.Serialization;

namespace DrsOrchestrator.Application.Configuration;

/// <param name="Enabled">Whether the schedule runs the sync; "Run now" works either way.</param>
/// <param name="IntervalHours">
/// Least time between the starts of two runs the schedule makes (<see cref="MinIntervalHours"/>–<see cref="MaxIntervalHours"/>);
/// a manual run counts as a start too.
/// </param>
public sealed record TagSyncSettings(bool Enabled, int IntervalHours, IReadOnlyList<TagSyncRule> Rules)
{
    public const int MaxRules = 50;
    public const int MinIntervalHours = 1;
    public const int MaxIntervalHours = 24;

    public static TagSyncSettings Default { get; } = new(false, 4, []);

    [JsonIgnore]
    public TimeSpan Interval => TimeSpan.FromHours(IntervalHours);
}
