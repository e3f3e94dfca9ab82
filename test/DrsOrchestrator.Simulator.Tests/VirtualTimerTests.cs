using DrsOrchestrator.Simulator.Clock;

namespace DrsOrchestrator.Simulator.Tests;

/// <summary>
/// Timers on a scaled clock, driven by a real-time source the test steps by hand, so an OS timer that
/// wakes early (millisecond truncation, a different clock source) can be reproduced exactly.
/// </summary>
public sealed class VirtualTimerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CreateTimer_RealWakeUpArrivesBeforeVirtualDueTime_RearmsAndFiresWhenDue()
    {
        // Arrange
        var real = new SteppedRealTime();
        var clock = new VirtualClock(Start, scale: 600, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        // Act: the wake-up comes at 30 virtual seconds, half way to the due time.
        real.Advance(TimeSpan.FromMilliseconds(50));
        real.WakeAllEarly();
        var firedEarly = Volatile.Read(ref fired);
        real.Advance(TimeSpan.FromMilliseconds(60));

        // Assert
        Assert.Equal(0, firedEarly);
        Assert.Equal(1, Volatile.Read(ref fired));
        Assert.Equal(0, real.PendingTimers);
    }

    [Fact]
    public void CreateTimer_DelayShorterThanOneRealMillisecondAfterScaling_WakeUpIsRoundedUpNotTruncated()
    {
        // Arrange: 1 virtual second at scale 600 is 1.67 real ms; truncated it would be 1 ms, too early.
        var real = new SteppedRealTime();
        var clock = new VirtualClock(Start, scale: 600, real);
        var fired = 0;

        // Act
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(2), real.LastDueTime);
        real.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(1, Volatile.Read(ref fired));
    }

    [Fact]
    public async Task Delay_ScaledClockOnSystemTime_CompletesForManyShortDelays()
    {
        // Arrange: sub-millisecond real delays are where truncation made timers go silent.
        var clock = new VirtualClock(Start, scale: 600);

        // Act
        var delays = Enumerable.Range(1, 50).Select(i => Task.Delay(TimeSpan.FromMilliseconds(100 * i), clock)).ToArray();
        var all = Task.WhenAll(delays);
        var finished = await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(20)));

        // Assert
        Assert.Same(all, finished);
        Assert.True(clock.GetUtcNow() >= Start.AddSeconds(5));
    }

    /// <summary>Real time that moves only when the test says; its timers fire on <see cref="Advance"/> or early on request.</summary>
    private sealed class SteppedRealTime : TimeProvider
    {
        private readonly Lock _sync = new();
        private readonly List<SteppedTimer> _timers = [];
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public TimeSpan LastDueTime { get; private set; }

        public int PendingTimers
        {
            get
            {
                lock (_sync)
                {
                    return _timers.Count;
                }
            }
        }

        public override long GetTimestamp()
        {
            lock (_sync)
            {
                return _now;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new SteppedTimer(this, callback, state);
            lock (_sync)
            {
                LastDueTime = dueTime;
                timer.DueAt = _now + dueTime.Ticks;
                _timers.Add(timer);
            }

            return timer;
        }

        public void Advance(TimeSpan delta)
        {
            List<SteppedTimer> due;
            lock (_sync)
            {
                _now += delta.Ticks;
                due = [.. _timers.Where(t => t.DueAt <= _now)];
                _timers.RemoveAll(due.Contains);
            }

            due.ForEach(t => t.Fire());
        }

        /// <summary>Every pending timer fires now, before its due time, as a coarse OS timer may.</summary>
        public void WakeAllEarly()
        {
            List<SteppedTimer> all;
            lock (_sync)
            {
                all = [.. _timers];
                _timers.Clear();
            }

            all.ForEach(t => t.Fire());
        }

        private void Remove(SteppedTimer timer)
        {
            lock (_sync)
            {
                _timers.Remove(timer);
            }
        }

        private sealed class SteppedTimer(SteppedRealTime owner, TimerCallback callback, object? state) : ITimer
        {
            public long DueAt { get; set; }

            public void Fire() => callback(state);

            public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("The virtual clock arms one-shot wake-ups only.");

            public void Dispose() => owner.Remove(this);

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
