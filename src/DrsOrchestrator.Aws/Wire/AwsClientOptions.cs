namespace DrsOrchestrator.Aws.Wire;

/// <summary>How a wire client reaches its service.</summary>
/// <param name="ServiceUrl">Base URL that replaces https://&lt;service&gt;.&lt;region&gt;.amazonaws.com (the local simulator); null in AWS.</param>
/// <param name="HttpClient">Shared connection pool; null uses the process-wide one.</param>
/// <param name="AttemptTimeout">Limit for one HTTP attempt; retries get a fresh one.</param>
/// <param name="Random">Jitter source; tests pass a seeded one.</param>
public sealed record AwsClientOptions(
    Uri? ServiceUrl = null,
    RetryOptions? Retry = null,
    TimeSpan? AttemptTimeout = null,
    HttpClient? HttpClient = null,
    TimeProvider? TimeProvider = null,
    Random? Random = null)
{
    public static AwsClientOptions Default { get; } = new();

    internal RetryOptions EffectiveRetry => Retry ?? RetryOptions.Default;

    internal TimeSpan EffectiveAttemptTimeout => AttemptTimeout ?? TimeSpan.FromSeconds(30);

    internal TimeProvider EffectiveTimeProvider => TimeProvider ?? System.TimeProvider.System;

    internal Random EffectiveRandom => Random ?? System.Random.Shared;

    internal HttpClient EffectiveHttpClient => HttpClient ?? SharedHttpClient.Instance;
}
