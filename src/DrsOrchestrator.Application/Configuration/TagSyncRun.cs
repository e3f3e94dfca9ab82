namespace DrsOrchestrator.Application.Configuration;

/// <summary>One finished tag sync run, as GET /config/tag-sync reports the last one.</summary>
/// <param name="TriggeredBy">The user who ran it, or <see cref="TagSyncService.ScheduleActor"/>.</param>
public sealed record TagSyncRun(
    string TriggeredBy,
    TagSyncTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    bool Succeeded,
    IReadOnlyList<TagSyncLocationResult> Locations);
