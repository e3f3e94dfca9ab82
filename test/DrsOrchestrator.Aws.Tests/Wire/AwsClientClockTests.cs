using System.Net;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Simulator.Clock;

namespace DrsOrchestrator.Aws.Tests.Wire;

/// <summary>
/// The local twin hands the wire clients the simulator's virtual clock as their TimeProvider. "Now"
/// must follow it (signatures, session expiry) while timeouts and backoff stay in real time.
/// </summary>
public sealed class AwsClientClockTests
{
    private static readonly DateTimeOffset VirtualStart = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_VirtualClockAt600x_SlowAnswerWithinRealAttemptTimeoutSucceeds()
    {
        // Arrange: 10 s of attempt timeout is 17 ms on a 600x clock; the answer takes 250 ms of real time.
        var handler = new ScriptedHandler().ThenAfter(TimeSpan.FromMilliseconds(250), HttpStatusCode.OK);
        var client = new WireClientBuilder(handler)
            .WithOnlyClock(new VirtualClock(VirtualStart, scale: 600))
            .WithRetry(RetryOptions.None)
            .WithAttemptTimeout(TimeSpan.FromSeconds(10))
            .Build();

        // Act
        var response = await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_FrozenVirtualClock_BackoffStillElapsesInRealTime()
    {
        // Arrange: a manual clock never moves on its own, so a backoff timed on it would never end.
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK);
        var client = new WireClientBuilder(handler)
            .WithOnlyClock(VirtualClock.Manual(VirtualStart))
            .WithRetry(new RetryOptions(MaxAttempts: 2, BaseDelay: TimeSpan.FromMilliseconds(50)))
            .WithAttemptTimeout(TimeSpan.FromSeconds(30))
            .Build();

        // Act: the guard only turns a hang into a failure; it measures nothing.
        var response = await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SplitClocks_SignsOnClockAndWaitsOnDelayTimers()
    {
        // Arrange
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK);
        var delays = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        var client = new WireClientBuilder(handler)
            .WithClock(VirtualClock.Manual(VirtualStart))
            .WithTime(delays)
            .WithRetry(new RetryOptions(MaxAttempts: 2, BaseDelay: TimeSpan.FromMilliseconds(100)))
            .WithAttemptTimeout(TimeSpan.FromHours(1))
            .Build();

        // Act: the guard turns a backoff timed on the frozen clock (a hang) into a failure.
        await client.SendAsync(WireClientBuilder.AnyRequest(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert: both attempts signed at virtual now; two attempt timeouts and one backoff on the delay timers.
        Assert.All(handler.Requests, r => Assert.Equal("20300102T030405Z", r.Headers.GetValues("X-Amz-Date").Single()));
        Assert.Equal(2, delays.DueTimes.Count(d => d == TimeSpan.FromHours(1)));
        Assert.Single(delays.DueTimes, d => d < TimeSpan.FromHours(1));
    }
}
