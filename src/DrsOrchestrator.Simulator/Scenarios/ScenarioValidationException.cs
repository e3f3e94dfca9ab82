namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>A scenario that cannot be simulated; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ScenarioValidationException : Exception
{
    public ScenarioValidationException(IReadOnlyList<string> errors)
        : base("Invalid simulator scenario: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public ScenarioValidationException()
        : this(["unspecified error"])
    {
    }

    public ScenarioValidationException(string message)
        : this([message])
    {
    }

    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
