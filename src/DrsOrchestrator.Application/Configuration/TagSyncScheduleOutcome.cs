namespace DrsOrchestrator.Application.Configuration;

/// <summary>What a schedule tick did.</summary>
public enum TagSyncScheduleOutcome
{
    /// <summary>The sync ran and its run was recorded.</summary>
    Ran,

    /// <summary>Scheduled sync is switched off in the settings.</summary>
    Disabled,

    /// <summary>The last run started less than intervalHours ago.</summary>
    NotDue,

    /// <summary>Another run holds the run slot (a concurrent tick, or "Run now").</summary>
    AlreadyRunning,
}
