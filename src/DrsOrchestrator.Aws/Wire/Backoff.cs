namespace DrsOrchestrator.Aws.Wire;

internal static class Backoff
{
    /// <summary>
    /// Full jitter (a uniform draw up to the exponential cap) spreads many throttled callers apart
    /// instead of letting them retry in lockstep.
    /// </summary>
    public static TimeSpan FullJitter(int retryNumber, RetryOptions options, Random random)
    {
        var exponent = Math.Min(retryNumber, 30);
        var capMs = Math.Min(options.EffectiveMaxDelay.TotalMilliseconds, options.EffectiveBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(random.NextDouble() * capMs);
    }
}
