namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// The <c>task</c> value of the constant input the schedules send to the execution poller, which
/// tells a schedule tick apart from a DRS launch-result event (those carry <c>source: aws.drs</c>).
/// </summary>
internal static class ScheduledTask
{
    public const string FindExecutions = "find-executions";
    public const string TagSync = "tag-sync";

    /// <summary>
    /// Minutes between tag sync ticks: more often than the shortest intervalHours the settings allow (1), so
    /// a run starts at most a quarter hour after it is due. Most ticks find the sync disabled or not due and
    /// end after two reads of the settings table. The poller's <c>TagSyncTickInterval</c> must match.
    /// </summary>
    public const int TagSyncTickMinutes = 15;
}
