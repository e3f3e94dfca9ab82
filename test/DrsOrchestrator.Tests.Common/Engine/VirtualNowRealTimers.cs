using DrsOrchestrator.Simulator.Clock;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>
/// Time for the AWS wire clients on the local twin: "now" is the simulator's virtual clock (SigV4 dates,
/// assumed-role expiry), but timers run in real time. An attempt timeout is a network timeout; scaled by
/// 600 a 30 s timeout would be 50 ms of real time and fail ordinary calls on a busy machine.
/// </summary>
public sealed class VirtualNowRealTimers(VirtualClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
