namespace DrsOrchestrator.Domain.Executions;

/// <summary>DRS job status: PENDING | STARTED | COMPLETED.</summary>
public enum DrsJobStatus
{
    Pending,
    Started,
    Completed,
}
