using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.Tests.Wire;

/// <summary>Builds an <see cref="AwsWireClient"/> against a scripted handler with test-friendly defaults.</summary>
internal sealed class WireClientBuilder
{
    private readonly ScriptedHandler handler;
    private RetryOptions retry = new(MaxAttempts: 4, BaseDelay: TimeSpan.FromMilliseconds(100), MaxDelay: TimeSpan.FromSeconds(5));
    private TimeSpan attemptTimeout = TimeSpan.FromHours(1);
    private TimeProvider? delays = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
    private TimeProvider? clock;
    private IAwsErrorParser parser = JsonErrorParser.Instance;

    public WireClientBuilder(ScriptedHandler handler) => this.handler = handler;

    public WireClientBuilder WithRetry(RetryOptions value)
    {
        retry = value;
        return this;
    }

    public WireClientBuilder WithAttemptTimeout(TimeSpan value)
    {
        attemptTimeout = value;
        return this;
    }

    /// <summary>Timers for attempt timeouts and backoff (the client's DelayTimeProvider).</summary>
    public WireClientBuilder WithTime(TimeProvider value)
    {
        delays = value;
        return this;
    }

    /// <summary>The signing clock (the client's TimeProvider); unset, the system clock.</summary>
    public WireClientBuilder WithClock(TimeProvider value)
    {
        clock = value;
        return this;
    }

    /// <summary>Sets only the options' TimeProvider, the way the local host hands over the simulator's clock; waits fall to the default.</summary>
    public WireClientBuilder WithOnlyClock(TimeProvider value)
    {
        clock = value;
        delays = null;
        return this;
    }

    public WireClientBuilder WithParser(IAwsErrorParser value)
    {
        parser = value;
        return this;
    }

    public AwsWireClient Build() => new(
        AwsService.Drs,
        "us-east-1",
        new StaticCredentialSource("AKIASIM111122223333", "secret"),
        new AwsClientOptions(new Uri("http://127.0.0.1:9"), retry, attemptTimeout, new HttpClient(handler), clock, new Random(7), delays),
        parser);

    public static WireRequest AnyRequest() => new("DescribeJobs", HttpMethod.Post, "/DescribeJobs", "{}"u8.ToArray(), "application/json");
}
