using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.Tests.Wire;

/// <summary>Builds an <see cref="AwsWireClient"/> against a scripted handler with test-friendly defaults.</summary>
internal sealed class WireClientBuilder
{
    private readonly ScriptedHandler handler;
    private RetryOptions retry = new(MaxAttempts: 4, BaseDelay: TimeSpan.FromMilliseconds(100), MaxDelay: TimeSpan.FromSeconds(5));
    private TimeSpan attemptTimeout = TimeSpan.FromHours(1);
    private TimeProvider time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
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

    public WireClientBuilder WithTime(TimeProvider value)
    {
        time = value;
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
        new AwsClientOptions(new Uri("http://127.0.0.1:9"), retry, attemptTimeout, new HttpClient(handler), time, new Random(7)),
        parser);

    public static WireRequest AnyRequest() => new("DescribeJobs", HttpMethod.Post, "/DescribeJobs", "{}"u8.ToArray(), "application/json");
}
