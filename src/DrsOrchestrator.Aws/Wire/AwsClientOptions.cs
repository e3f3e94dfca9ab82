namespace DrsOrchestrator.Aws.Wire;

/// <summary>How a wire client reaches its service.</summary>
/// <remarks>
/// Two clocks, on purpose. <paramref name="TimeProvider"/> says what time it is: SigV4 dates and
/// assumed-role expiry must agree with the service, which locally is the DRS simulator's virtual clock
/// (up to 600x faster than real time). <paramref name="DelayTimeProvider"/> measures waits: an attempt
/// timeout and a retry backoff are about the network and the service's load, so they stay real even
/// when the virtual clock races; measured on a 600x clock, a 30 s timeout would be 50 ms.
/// </remarks>
/// <param name="ServiceUrl">Base URL that replaces https://&lt;service&gt;.&lt;region&gt;.amazonaws.com (the local simulator); null in AWS.</param>
/// <param name="AttemptTimeout">Limit for one HTTP attempt, in real time; retries get a fresh one.</param>
/// <param name="HttpClient">Shared connection pool; null uses the process-wide one.</param>
/// <param name="TimeProvider">"Now" for signing and session expiry: the simulator's virtual clock locally; null is the system clock.</param>
/// <param name="Random">Jitter source; tests pass a seeded one.</param>
/// <param name="DelayTimeProvider">Timers for attempt timeouts and retry backoff; null is the system clock, whatever <paramref name="TimeProvider"/> is. Unit tests pass a fake to observe waits without sleeping.</param>
public sealed record AwsClientOptions(
    Uri? ServiceUrl = null,
    RetryOptions? Retry = null,
    TimeSpan? AttemptTimeout = null,
    HttpClient? HttpClient = null,
    TimeProvider? TimeProvider = null,
    Random? Random = null,
    TimeProvider? DelayTimeProvider = null)
{
    public static AwsClientOptions Default { get; } = new();

    internal RetryOptions EffectiveRetry => Retry ?? RetryOptions.Default;

    internal TimeSpan EffectiveAttemptTimeout => AttemptTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>The signing clock; also what cached sessions and account lookups are judged against.</summary>
    internal TimeProvider EffectiveTimeProvider => TimeProvider ?? System.TimeProvider.System;

    internal TimeProvider EffectiveDelayTimeProvider => DelayTimeProvider ?? System.TimeProvider.System;

    internal Random EffectiveRandom => Random ?? System.Random.Shared;

    internal HttpClient EffectiveHttpClient => HttpClient ?? SharedHttpClient.Instance;
}
