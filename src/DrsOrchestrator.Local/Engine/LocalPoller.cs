using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DrsOrchestrator.Functions.ExecutionPoller;
using DrsOrchestrator.Simulator.Events;

namespace DrsOrchestrator.Local.Engine;

/// <summary>
/// Drives the execution poller function's handler as EventBridge would: the simulator's launch-result
/// envelopes in batches, and a scheduled event on the virtual clock (the finder) that reconciles every
/// active execution so a lost event cannot stall a wave, and the tag sync schedule's tick (the same
/// <c>{"task":"tag-sync"}</c> input the deployed rule sends; the tag sync settings decide whether it runs).
/// All run in the background and never block the simulator's delivery.
/// </summary>
internal sealed class LocalPoller : IAsyncDisposable
{
    private readonly PollerHandler _handler;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _finderInterval;
    private readonly TextWriter _log;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _eventLoop;
    private readonly Task _finderLoop;
    private readonly Task _tagSyncLoop;
    private long _eventsApplied;
    private long _finderRuns;

    /// <param name="tagSyncInterval">Virtual time between tag sync ticks (the deployed schedule's rate).</param>
    public LocalPoller(PollerHandler handler, TimeProvider clock, TimeSpan finderInterval, TimeSpan tagSyncInterval, TextWriter log)
    {
        _handler = handler;
        _clock = clock;
        _finderInterval = finderInterval;
        _log = log;
        _eventLoop = Task.Run(() => RunEventsAsync(_stopping.Token));
        _finderLoop = Task.Run(() => RunFinderAsync(_stopping.Token));
        _tagSyncLoop = Task.Run(() => RunTagSyncScheduleAsync(tagSyncInterval, _stopping.Token));
    }

    public long EventsApplied => Interlocked.Read(ref _eventsApplied);

    public long FinderRuns => Interlocked.Read(ref _finderRuns);

    /// <summary>The simulator's subscriber: queue and return at once.</summary>
    public Task OnLaunchResultAsync(LaunchResultEvent launchResult, CancellationToken cancellationToken)
    {
        _events.Writer.TryWrite(launchResult.ToEventBridgeJson());
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_eventLoop, _finderLoop, _tagSyncLoop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var batch = new JsonArray();
                while (batch.Count < 100 && _events.Reader.TryRead(out var envelope))
                {
                    batch.Add(envelope);
                }

                try
                {
                    await _handler.HandleAsync(batch, cancellationToken).ConfigureAwait(false);
                    Interlocked.Add(ref _eventsApplied, batch.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Best effort, like EventBridge delivery: the finder reconciles whatever this missed.
                    _log.WriteLine($"poller: {batch.Count} launch result(s) not applied ({ex.GetType().Name}: {ex.Message}); the finder will reconcile.");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task RunFinderAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_finderInterval, _clock, cancellationToken).ConfigureAwait(false);
                try
                {
                    await _handler.HandleAsync(ScheduledEvent(), cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _finderRuns);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _log.WriteLine($"poller: reconcile failed ({ex.GetType().Name}: {ex.Message}); retrying on the next tick.");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task RunTagSyncScheduleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval, _clock, cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await _handler.HandleAsync(new JsonObject { ["task"] = PollerHandler.TagSyncTask }, cancellationToken).ConfigureAwait(false);
                    if (result["tagSync"]?.GetValue<string>() == "RAN")
                    {
                        _log.WriteLine("poller: scheduled tag sync ran.");
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _log.WriteLine($"poller: scheduled tag sync failed ({ex.GetType().Name}: {ex.Message}); the next tick tries again.");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private JsonObject ScheduledEvent() => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = PollerHandler.ScheduledDetailType,
        ["source"] = "aws.events",
        ["time"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["detail"] = new JsonObject(),
    };
}
