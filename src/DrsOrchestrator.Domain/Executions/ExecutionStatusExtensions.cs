namespace DrsOrchestrator.Domain.Executions;

public static class ExecutionStatusExtensions
{
    /// <summary>PENDING, RUNNING, PAUSED or CANCELLING: the run still holds its plan and servers.</summary>
    public static bool IsActive(this ExecutionStatus status) =>
        status is ExecutionStatus.Pending or ExecutionStatus.Running or ExecutionStatus.Paused or ExecutionStatus.Cancelling;

    public static bool IsTerminal(this ExecutionStatus status) => !status.IsActive();

    public static bool IsTerminal(this WaveStatus status) =>
        status is WaveStatus.Completed or WaveStatus.Partial or WaveStatus.Failed or WaveStatus.Skipped or WaveStatus.Cancelled;
}
