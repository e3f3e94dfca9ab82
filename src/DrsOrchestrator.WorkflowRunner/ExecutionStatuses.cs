namespace DrsOrchestrator.WorkflowRunner;

/// <summary>Step Functions' execution status names, as DescribeExecution reports them.</summary>
public static class ExecutionStatuses
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";
}
