namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>
/// The definition uses something the local runner does not implement, or is invalid. Raised at load
/// time with every problem found, so an unsupported feature never half-runs in a test.
/// </summary>
public sealed class AslValidationException : Exception
{
    public AslValidationException(IReadOnlyList<string> problems)
        : base("The state machine definition cannot run locally:" + Environment.NewLine + " - " + string.Join(Environment.NewLine + " - ", problems))
    {
        Problems = problems;
    }

    public AslValidationException()
        : this(["unknown problem"])
    {
    }

    public AslValidationException(string message)
        : this([message])
    {
    }

    public AslValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
