namespace DrsOrchestrator.Domain.Executions;

/// <summary>Progress of terminating the recovery instances a drill launched.</summary>
public enum TerminationStatus
{
    NotRequested,
    Requested,
    InProgress,
    Completed,
    Failed,
}
