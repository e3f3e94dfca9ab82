namespace DrsOrchestrator.Application.Configuration;

public sealed record TagSyncRun(string TriggeredBy, DateTimeOffset StartedAt, DateTimeOffset EndedAt, bool Succeeded, IReadOnlyList<TagSyncLocationResult> Locations);
