namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>A clock the test moves by hand (claim grace periods, TTL stamps).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
