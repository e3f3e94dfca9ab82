namespace DrsOrchestrator.Domain.Ports.Workflow;

/// <summary>
/// A workflow-engine call failed with a named error (<see cref="WorkflowErrors"/>). Both the Step
/// Functions adapter and the local runner raise it, so callers handle e.g. a late
/// <see cref="WorkflowErrors.TaskTimedOut"/> the same way in production and in tests.
/// </summary>
public sealed class WorkflowClientException : Exception
{
    public WorkflowClientException(string errorName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorName = errorName;
    }

    public string ErrorName { get; }

    /// <summary>True when the token or run is already gone; sending to it again is harmless.</summary>
    public bool IsStale =>
        ErrorName is WorkflowErrors.TaskTimedOut or WorkflowErrors.InvalidToken or WorkflowErrors.TaskDoesNotExist
            or WorkflowErrors.ExecutionDoesNotExist;
}
