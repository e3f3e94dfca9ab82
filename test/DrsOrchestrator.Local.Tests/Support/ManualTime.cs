namespace DrsOrchestrator.Local.Tests.Support;

/// <summary>A clock that moves only when told (token expiry without waiting).</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan delta) => _now += delta;
}
