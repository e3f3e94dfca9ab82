using DrsOrchestrator.Application.Configuration;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

/// <param name="LastRun">The last finished run, scheduled (trigger SCHEDULE) or manual (trigger USER).</param>
/// <param name="RunningSince">When the run in progress started; null when none is running.</param>
/// <param name="NextRunDueAt">When the schedule next runs the sync (its first tick at or after this); null while disabled.</param>
internal sealed record TagSyncView(
    TagSyncDto Settings,
    long Version,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    TagSyncRun? LastRun,
    DateTimeOffset? RunningSince,
    DateTimeOffset? NextRunDueAt)
{
    public static TagSyncView From(TagSyncStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var settings = status.Settings;
        return new TagSyncView(
            ConfigMapper.ToDto(settings.Value), settings.Version, settings.UpdatedBy, settings.UpdatedAt, status.LastRun, status.Running?.StartedAt, status.NextRunDueAt);
    }
}
