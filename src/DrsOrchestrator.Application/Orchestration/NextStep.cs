namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Where the workflow goes after an engine step. The wire names (<see cref="StepResult.WireName"/>) are
/// the state machine contract's <c>OrchestrationNextSteps</c>; a contract test keeps the two equal.
/// </summary>
public enum NextStep
{
    StartWave,
    AwaitWave,
    ReconcileWave,
    WaitForCapacity,
    Pause,
    Finalize,
}
