namespace DrsOrchestrator.Simulator.Clock;

/// <summary>
/// Simulated time. With a scale of 60 one real second is one virtual minute, so a 20-minute drill
/// plays out in 20 seconds; with a scale of 0 (<see cref="Manual"/>) time moves only when a test
/// calls <see cref="Advance"/>, which makes every run repeatable.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly TimeProvider _real;
    private readonly List<VirtualTimer> _timers = [];
    private DateTimeOffset _anchorVirtual;
    private long _anchorRealTimestamp;
    private double _scale;

    public VirtualClock(DateTimeOffset start, double scale, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        _real = real ?? System;
        _anchorVirtual = start.ToUniversalTime();
        _anchorRealTimestamp = _real.GetTimestamp();
        _scale = scale;
    }

    /// <summary>A clock that stands still until <see cref="Advance"/> moves it.</summary>
    public static VirtualClock Manual(DateTimeOffset start) => new(start, 0);

    public bool IsManual
    {
        get
        {
            lock (_sync)
            {
                return _scale == 0;
            }
        }
    }

    /// <summary>Virtual seconds per real second; 0 freezes the clock.</summary>
    public double Scale
    {
        get
        {
            lock (_sync)
            {
                return _scale;
            }
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_sync)
            {
                _anchorVirtual = NowLocked();
                _anchorRealTimestamp = _real.GetTimestamp();
                _scale = value;
            }

            RearmAll();
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync)
        {
            return NowLocked();
        }
    }

    // Timestamps follow virtual time so that Stopwatch-style elapsed measurements taken with this
    // provider agree with GetUtcNow.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves virtual time forward (works on scaled clocks too: a jump ahead) and fires due timers.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_sync)
        {
            _anchorVirtual += delta;
        }

        FireDueTimers();
    }

    /// <summary>Moves virtual time forward to <paramref name="target"/>; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        var now = GetUtcNow();
        if (target > now)
        {
            Advance(target - now);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        lock (_sync)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    internal void Remove(VirtualTimer timer)
    {
        lock (_sync)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Arms the real-time wake-up for a scaled clock; a manual clock wakes only on Advance.</summary>
    internal ITimer? CreateRealWakeUp(DateTimeOffset due, Action onWake)
    {
        double scale;
        DateTimeOffset now;
        lock (_sync)
        {
            scale = _scale;
            now = NowLocked();
        }

        if (scale == 0)
        {
            return null;
        }

        // Rounded up to whole milliseconds, the resolution real timers truncate to, so the wake-up is not
        // early by construction; the timer still re-arms if it is (see VirtualTimer).
        var realDelay = due <= now ? TimeSpan.Zero : RoundUpToMilliseconds((due - now).Ticks / scale);
        return _real.CreateTimer(_ => onWake(), null, realDelay, Timeout.InfiniteTimeSpan);
    }

    internal void FireDueTimers()
    {
        VirtualTimer[] timers;
        lock (_sync)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.FireIfDue(GetUtcNow());
        }
    }

    private void RearmAll()
    {
        VirtualTimer[] timers;
        lock (_sync)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Rearm();
        }
    }

    private static TimeSpan RoundUpToMilliseconds(double ticks) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(ticks / TimeSpan.TicksPerMillisecond));

    private DateTimeOffset NowLocked()
    {
        if (_scale == 0)
        {
            return _anchorVirtual;
        }

        var realElapsed = _real.GetElapsedTime(_anchorRealTimestamp);
        return _anchorVirtual + TimeSpan.FromTicks((long)(realElapsed.Ticks * _scale));
    }
}
