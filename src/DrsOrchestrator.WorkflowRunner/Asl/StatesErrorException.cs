namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>An error inside a run, named the way Retry and Catch see it.</summary>
internal sealed class StatesErrorException(string error, string? cause) : Exception($"{error}: {cause}")
{
    public string Error { get; } = error;

    public string? Cause { get; } = cause;

    public static StatesErrorException Runtime(string cause) => new(StatesErrorNames.Runtime, cause);
}
