namespace DrsOrchestrator.Domain.Executions;

public enum AuditAction
{
    Created,
    Started,
    WaveStarted,
    JobStarted,
    WaveEnded,
    PauseRequested,
    Paused,
    Resumed,
    CancelRequested,
    Cancelled,
    Completed,
    Failed,
    TerminateRequested,
    TerminationStarted,
    TerminationCompleted,
    TerminationFailed,
}
