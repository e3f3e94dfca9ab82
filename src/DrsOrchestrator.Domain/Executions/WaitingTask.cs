namespace DrsOrchestrator.Domain.Executions;

/// <summary>The Step Functions task token the workflow is waiting on, so resume, cancel and DRS events can release it.</summary>
public sealed record WaitingTask(string TaskToken, WaitPurpose Purpose, int WaveIndex, DateTimeOffset Since);
