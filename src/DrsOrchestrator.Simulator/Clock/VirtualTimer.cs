namespace DrsOrchestrator.Simulator.Clock;

/// <summary>A timer whose due time is virtual; see <see cref="VirtualClock.CreateTimer"/>.</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _sync = new();
    private DateTimeOffset? _due;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private ITimer? _wakeUp;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return false;
            }

            _period = period;
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
        }

        Rearm();
        if (dueTime == TimeSpan.Zero)
        {
            FireIfDue(clock.GetUtcNow());
        }

        return true;
    }

    internal void Rearm()
    {
        ITimer? old;
        lock (_sync)
        {
            old = _wakeUp;
            _wakeUp = _disposed || _due is null ? null : clock.CreateRealWakeUp(_due.Value, clock.FireDueTimers);
        }

        old?.Dispose();
    }

    internal void FireIfDue(DateTimeOffset now)
    {
        lock (_sync)
        {
            if (_disposed || _due is null || _due > now)
            {
                return;
            }

            _due = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : _due + _period;
        }

        callback(state);
        Rearm();
    }

    public void Dispose()
    {
        ITimer? wakeUp;
        lock (_sync)
        {
            _disposed = true;
            wakeUp = _wakeUp;
            _wakeUp = null;
        }

        wakeUp?.Dispose();
        clock.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
