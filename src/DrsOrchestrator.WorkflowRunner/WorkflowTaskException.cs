namespace DrsOrchestrator.WorkflowRunner;

/// <summary>
/// Thrown by an in-process handler to fail its task with an exact error name, e.g. to stand in for
/// the Lambda service's own errors (<c>Lambda.TooManyRequestsException</c>). Any other exception
/// fails the task with the exception's type name, as Lambda reports errorType.
/// </summary>
public sealed class WorkflowTaskException : Exception
{
    public WorkflowTaskException(string error, string cause)
        : base(cause)
    {
        Error = error;
    }

    public WorkflowTaskException()
        : this("Unknown", "Unknown task error.")
    {
    }

    public WorkflowTaskException(string message)
        : this("Unknown", message)
    {
    }

    public WorkflowTaskException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = "Unknown";
    }

    public string Error { get; }
}
