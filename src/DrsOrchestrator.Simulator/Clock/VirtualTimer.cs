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
            _wakeUp = _disposed || _due is null ? null : clock.CreateRealWakeUp(_due.Value, OnWakeUp);
        }

        old?.Dispose();
    }

    /// <summary>Fires the callback when the virtual due time has passed; returns whether it fired.</summary>
    internal bool FireIfDue(DateTimeOffset now)
    {
        lock (_sync)
        {
            if (_disposed || _due is null || _due > now)
            {
                return false;
            }

            _due = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : _due + _period;
        }

        callback(state);
        Rearm();
        return true;
    }

    /// <summary>
    /// A real wake-up fires only its own timer, as OS timers do: a callback that runs long (an inline
    /// continuation) never holds up another timer. It can also come before the virtual due time (OS
    /// timers have millisecond granularity and another clock source than the virtual time's timestamp);
    /// then it arms another wake-up instead of letting the timer go silent.
    /// </summary>
    private void OnWakeUp()
    {
        if (FireIfDue(clock.GetUtcNow()))
        {
            return;
        }

        bool pending;
        lock (_sync)
        {
            pending = !_disposed && _due is not null;
        }

        if (pending)
        {
            Rearm();
        }
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
