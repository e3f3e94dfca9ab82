using DrsOrchestrator.Simulator.Clock;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_ManualClock_MovesOnlyByTheAdvance()
    {
        var clock = VirtualClock.Manual(Start);

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());
        Assert.True(clock.IsManual);
    }

    [Fact]
    public void CreateTimer_ManualClock_FiresWhenAdvancedPastDueTime()
    {
        var clock = VirtualClock.Manual(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(59));
        var beforeDue = fired;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, beforeDue);
        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task Delay_ScaledClock_VirtualMinutePassesInAboutOneRealSecond()
    {
        var clock = new VirtualClock(Start, scale: 60);

        await Task.Delay(TimeSpan.FromMinutes(1), clock);

        Assert.True(clock.GetUtcNow() >= Start.AddMinutes(1));
    }

    [Fact]
    public void Scale_SetToZero_FreezesTime()
    {
        var clock = new VirtualClock(Start, scale: 1000);

        clock.Scale = 0;
        var frozen = clock.GetUtcNow();
        Thread.Sleep(20);

        Assert.Equal(frozen, clock.GetUtcNow());
    }
}
