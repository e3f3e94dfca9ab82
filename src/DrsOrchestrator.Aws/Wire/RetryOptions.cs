namespace DrsOrchestrator.Aws.Wire;

/// <summary>
/// Retry policy for throttling and 5xx answers (never for other 4xx): exponential backoff with full
/// jitter, or the service's own retry-after hint when it gives one.
/// </summary>
/// <param name="MaxAttempts">Total attempts including the first.</param>
/// <param name="MaxDelay">Upper bound of one backoff; a retry-after hint longer than this is not waited for, the error surfaces instead.</param>
public sealed record RetryOptions(int MaxAttempts = 5, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    public static RetryOptions Default { get; } = new();

    public static RetryOptions None { get; } = new(MaxAttempts: 1);

    public TimeSpan EffectiveBaseDelay => BaseDelay ?? TimeSpan.FromMilliseconds(100);

    public TimeSpan EffectiveMaxDelay => MaxDelay ?? TimeSpan.FromSeconds(20);
}
