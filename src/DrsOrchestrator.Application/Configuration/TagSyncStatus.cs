namespace DrsOrchestrator.Application.Configuration;

/// <summary>The tag sync settings with what the schedule has done and will do next.</summary>
/// <param name="Running">The run holding the slot right now; null when none.</param>
/// <param name="NextRunDueAt">
/// When the schedule next runs the sync (the first tick at or after it); null while scheduled sync is disabled.
/// </param>
public sealed record TagSyncStatus(Versioned<TagSyncSettings> Settings, TagSyncRun? LastRun, TagSyncClaim? Running, DateTimeOffset? NextRunDueAt);
