namespace DrsOrchestrator.Domain.Executions;

public enum ExecutionStatus
{
    Pending,
    Running,
    Paused,
    Cancelling,
    Completed,
    Partial,
    Failed,
    Cancelled,
}
