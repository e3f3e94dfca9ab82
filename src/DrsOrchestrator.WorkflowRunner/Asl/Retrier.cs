namespace DrsOrchestrator.WorkflowRunner.Asl;

internal sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    double IntervalSeconds,
    int MaxAttempts,
    double BackoffRate,
    double? MaxDelaySeconds,
    bool FullJitter)
{
    /// <summary>The wait before retry number <paramref name="retriesSoFar"/> + 1, before jitter.</summary>
    public TimeSpan BaseDelay(int retriesSoFar)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retriesSoFar);
        if (MaxDelaySeconds is { } cap)
        {
            seconds = Math.Min(seconds, cap);
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
