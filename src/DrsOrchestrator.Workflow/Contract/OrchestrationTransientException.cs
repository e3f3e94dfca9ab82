namespace DrsOrchestrator.Workflow.Contract;

/// <summary>
/// Thrown by the orchestration Lambda for a failure the state machine should retry with backoff. The
/// type name is the contract (<see cref="OrchestrationErrors.Transient"/>), so it must not be renamed.
/// </summary>
public sealed class OrchestrationTransientException : Exception
{
    public OrchestrationTransientException()
    {
    }

    public OrchestrationTransientException(string message)
        : base(message)
    {
    }

    public OrchestrationTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
