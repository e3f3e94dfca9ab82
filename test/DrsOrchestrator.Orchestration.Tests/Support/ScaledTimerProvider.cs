using DrsOrchestrator.Simulator.Clock;

namespace DrsOrchestrator.Orchestration.Tests.Support;

/// <summary>
/// The simulator's scaled clock for the workflow runner: time reads come from the clock, timers are real
/// timers shortened by the scale and rounded up. VirtualTimer's own wake-up truncates the real delay, can
/// wake a tick early and then never fires (reported to the simulator's owner), which would hang a
/// token wait's timeout.
/// </summary>
internal sealed class ScaledTimerProvider(VirtualClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan virtualSpan) =>
        virtualSpan == Timeout.InfiniteTimeSpan || virtualSpan <= TimeSpan.Zero
            ? virtualSpan
            : TimeSpan.FromTicks((long)Math.Ceiling(virtualSpan.Ticks / clock.Scale) + TimeSpan.TicksPerMillisecond);
}
