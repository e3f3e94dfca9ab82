namespace DrsOrchestrator.Domain.Ports.Workflow;

/// <summary>Error names Step Functions reports for task-token calls; the local runner raises the same ones.</summary>
public static class WorkflowErrors
{
    public const string TaskTimedOut = "TaskTimedOut";
    public const string InvalidToken = "InvalidToken";
    public const string TaskDoesNotExist = "TaskDoesNotExist";
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
}
