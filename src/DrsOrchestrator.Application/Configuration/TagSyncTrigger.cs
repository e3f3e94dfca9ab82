namespace DrsOrchestrator.Application.Configuration;

/// <summary>What started a tag sync run.</summary>
public enum TagSyncTrigger
{
    /// <summary>Someone pressed "Run now" (POST /config/tag-sync/run): runs whatever the schedule says.</summary>
    User,

    /// <summary>The schedule's tick (EventBridge in AWS, a timer in the local host): runs only when enabled and due.</summary>
    Schedule,
}
