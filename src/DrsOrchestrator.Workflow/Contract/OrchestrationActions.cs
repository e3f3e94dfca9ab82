namespace DrsOrchestrator.Workflow.Contract;

/// <summary>
/// The <c>action</c> the state machine asks the orchestration Lambda to perform. Every action is
/// idempotent on the Lambda side: Step Functions retries a task after a crash, and the Lambda owns all
/// state in DynamoDB, so a repeated action must find and adopt what the first attempt already did.
/// </summary>
public static class OrchestrationActions
{
    /// <summary>Validate the plan again, snapshot it into the execution. Next: startWave | pause | finalize.</summary>
    public const string Start = "start";

    /// <summary>Plan and start DRS jobs for the current wave's remaining batches. Next: awaitWave | waitForCapacity | startWave | pause | finalize.</summary>
    public const string StartWave = "startWave";

    /// <summary>
    /// Store the payload's <c>taskToken</c> as the current wave's completion token. The Lambda returns
    /// nothing useful: the task ends when the engine sends task success with an
    /// <see cref="OrchestrationStepResult"/> once every server is terminal, or after the await timeout.
    /// If the wave already finished before the token was stored, the Lambda sends task success itself.
    /// </summary>
    public const string AwaitWave = "awaitWave";

    /// <summary>The await timed out: reconcile with DescribeJobs (events may be lost). Next: awaitWave | startWave | waitForCapacity | pause | finalize.</summary>
    public const string ReconcileWave = "reconcileWave";

    /// <summary>
    /// Store the payload's <c>taskToken</c> as the pause token and mark the execution PAUSED. Resume is
    /// task success with an <see cref="OrchestrationStepResult"/>; the pause times out periodically and
    /// calls this action again with a fresh token, so the Lambda must replace the stored one.
    /// </summary>
    public const string Pause = "pause";

    /// <summary>Record the terminal status from the waves' outcomes: COMPLETED, PARTIAL, FAILED, or CANCELLED when a cancel arrived while a Lambda step (which holds no token) was running. Ends the workflow.</summary>
    public const string Finalize = "finalize";

    /// <summary>Task failure <see cref="OrchestrationErrors.Cancelled"/> reached the workflow: record CANCELLED. Ends the workflow.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>An unexpected error survived the retries: record FAILED with the payload's <c>error</c>. Ends the workflow as failed.</summary>
    public const string Fail = "fail";

    /// <summary>Every action, in the order a happy path first meets them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Start, StartWave, AwaitWave, ReconcileWave, Pause, Finalize, Cancelled, Fail];
}
