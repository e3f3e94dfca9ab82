namespace DrsOrchestrator.Workflow.Contract;

/// <summary>
/// The values of <see cref="OrchestrationStepResult.Next"/>: where the state machine goes after a
/// step. Anything else (or a missing value) is a contract violation that records FAILED.
/// </summary>
public static class OrchestrationNextSteps
{
    public const string StartWave = "startWave";

    public const string AwaitWave = "awaitWave";

    public const string ReconcileWave = "reconcileWave";

    /// <summary>
    /// DRS concurrency limits are full: wait <see cref="OrchestrationStepResult.WaitSeconds"/> (or the
    /// definition's default) in a Wait state, then run startWave again for the remaining batches.
    /// </summary>
    public const string WaitForCapacity = "waitForCapacity";

    public const string Pause = "pause";

    public const string Finalize = "finalize";

    public static IReadOnlyList<string> All { get; } =
        [StartWave, AwaitWave, ReconcileWave, WaitForCapacity, Pause, Finalize];
}
