namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// The <c>task</c> value of the constant input the schedules send to the execution poller, which
/// tells a schedule tick apart from a DRS launch-result event (those carry <c>source: aws.drs</c>).
/// </summary>
internal static class ScheduledTask
{
    public const string FindExecutions = "find-executions";
    public const string TagSync = "tag-sync";
}
