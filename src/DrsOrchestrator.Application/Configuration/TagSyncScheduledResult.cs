namespace DrsOrchestrator.Application.Configuration;

/// <param name="Run">The run, when <paramref name="Outcome"/> is <see cref="TagSyncScheduleOutcome.Ran"/>.</param>
/// <param name="NextDueAt">When the schedule will next run the sync; null while it is disabled or another run holds the slot.</param>
public sealed record TagSyncScheduledResult(TagSyncScheduleOutcome Outcome, TagSyncRun? Run, DateTimeOffset? NextDueAt);
