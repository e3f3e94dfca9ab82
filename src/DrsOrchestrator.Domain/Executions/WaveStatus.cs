namespace DrsOrchestrator.Domain.Executions;

public enum WaveStatus
{
    Pending,
    Starting,
    Launching,
    Completed,
    Partial,
    Failed,
    Skipped,
    Cancelled,
}
