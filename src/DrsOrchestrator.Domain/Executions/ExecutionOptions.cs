namespace DrsOrchestrator.Domain.Executions;

/// <summary>Choices made when starting a run, as opposed to the plan's standing configuration.</summary>
public sealed record ExecutionOptions
{
    public static ExecutionOptions Default { get; } = new();

    /// <summary>
    /// Pause before wave 1 for this run only. Plans cannot ask for it (see <c>PlanWave.PauseBefore</c>)
    /// because a standing pause before anything happens looks like a hung execution; an operator who
    /// wants a final go/no-go asks for it when starting.
    /// </summary>
    public bool PauseBeforeFirstWave { get; init; }
}
