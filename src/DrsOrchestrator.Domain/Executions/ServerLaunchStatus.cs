namespace DrsOrchestrator.Domain.Executions;

/// <summary>DRS's participating-server launch status, plus NotStarted for servers whose job has not been created yet.</summary>
public enum ServerLaunchStatus
{
    NotStarted,
    Pending,
    InProgress,
    Launched,
    Failed,
    Terminated,
}
