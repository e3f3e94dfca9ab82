namespace DrsOrchestrator.Application.Configuration;

/// <summary>One finished tag sync run, as GET /config/tag-sync reports the last one.</summary>
/// <param name="TriggeredBy">The user who ran it, or <see cref="TagSyncService.ScheduleActor"/>.</param>
/// <param name="Error">
/// Why the run as a whole failed (the settings or accounts could not be read, an unexpected fault); null when
/// it ran through, even if some locations failed (their <see cref="TagSyncLocationResult.Error"/> says why).
/// </param>
public sealed record TagSyncRun(
    string TriggeredBy,
    TagSyncTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    bool Succeeded,
    IReadOnlyList<TagSyncLocationResult> Locations,
    string? Error = null);
