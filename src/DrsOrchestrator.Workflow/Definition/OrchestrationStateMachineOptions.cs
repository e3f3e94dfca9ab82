namespace DrsOrchestrator.Workflow.Definition;

/// <summary>Tunables of the emitted definition. The defaults are what deploys; tests may shrink them.</summary>
/// <param name="AwaitWaveTimeoutSeconds">
/// How long a wave waits on its token before reconciling with DescribeJobs. Launch-result events are
/// best effort, so this bounds the delay a lost event causes; 300 s keeps a 24-hour wave near 300
/// loop iterations, far under the 25,000-event history cap.
/// </param>
/// <param name="PauseTimeoutSeconds">
/// A pause re-registers its token after this long instead of waiting up to the service's one-year
/// limit, so a forgotten pause stays visible to the engine and the history grows by a handful of
/// events a day.
/// </param>
/// <param name="DefaultCapacityWaitSeconds">Used when a waitForCapacity result carries no waitSeconds.</param>
public sealed record OrchestrationStateMachineOptions(
    int AwaitWaveTimeoutSeconds = 300,
    int PauseTimeoutSeconds = 86_400,
    int DefaultCapacityWaitSeconds = 60,
    int RetryIntervalSeconds = 2,
    int RetryMaxAttempts = 6,
    double RetryBackoffRate = 2.0,
    int RetryMaxDelaySeconds = 60)
{
    internal void Validate()
    {
        Positive(AwaitWaveTimeoutSeconds, nameof(AwaitWaveTimeoutSeconds));
        Positive(PauseTimeoutSeconds, nameof(PauseTimeoutSeconds));
        Positive(DefaultCapacityWaitSeconds, nameof(DefaultCapacityWaitSeconds));
        Positive(RetryIntervalSeconds, nameof(RetryIntervalSeconds));
        Positive(RetryMaxDelaySeconds, nameof(RetryMaxDelaySeconds));
        if (RetryMaxAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryMaxAttempts), RetryMaxAttempts, "Must not be negative.");
        }

        if (RetryBackoffRate < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBackoffRate), RetryBackoffRate, "Step Functions requires a backoff rate of at least 1.0.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }
}
