namespace DrsOrchestrator.Domain.Executions;

public enum ExecutionType
{
    Drill,
    Recovery,
}
