using System.Collections.Concurrent;
using System.Text.Json;
using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>
/// The local event bus: keeps every published domain event so tests can assert on them. Faults can be
/// armed to play EventBridge failing: a call that fails outright (<see cref="FailNextCalls"/>, as a
/// dropped connection or a crash before the publish) or PutEvents rejecting single entries
/// (<see cref="RejectNext"/>, reported like the real publisher does, with <see cref="FailedEventEntry"/>).
/// </summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<PublishedEvent> _events = new();
    private readonly ConcurrentQueue<PublishedEvent> _offered = new();
    private readonly ConcurrentDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _rejectionCodes = new(StringComparer.Ordinal);
    private int _failCalls;

    /// <summary>Events the bus accepted.</summary>
    public IReadOnlyList<PublishedEvent> Events => [.. _events];

    /// <summary>Every event a caller tried to publish, accepted or not.</summary>
    public IReadOnlyList<PublishedEvent> Offered => [.. _offered];

    /// <summary>
    /// The execution's events as a consumer sees them: delivery is at least once (docs/adr/0009), so a
    /// re-publish of an event already delivered (same <c>eventId</c>) is dropped, as consumers must.
    /// </summary>
    public IReadOnlyList<string> DetailTypesFor(string executionId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. _events.Where(e => e.DetailJson.Contains(executionId, StringComparison.Ordinal) && seen.Add(EventIdOf(e))).Select(e => e.DetailType)];
    }

    private static string EventIdOf(PublishedEvent e)
    {
        using var detail = JsonDocument.Parse(e.DetailJson);
        return detail.RootElement.TryGetProperty("eventId", out var id) && id.GetString() is { } value
            ? value
            : throw new InvalidOperationException($"Event {e.DetailType} has no eventId: consumers could not dedupe it.");
    }

    /// <summary>The next <paramref name="calls"/> PublishAsync calls throw without delivering anything.</summary>
    public void FailNextCalls(int calls) => Interlocked.Exchange(ref _failCalls, calls);

    /// <summary>
    /// The next <paramref name="times"/> entries of <paramref name="detailType"/> are rejected with
    /// <paramref name="errorCode"/> (InternalFailure is EventBridge failing; e.g. MalformedDetail is about the
    /// event itself); the rest of their batch is accepted.
    /// </summary>
    public void RejectNext(string detailType, int times = 1, string errorCode = "InternalFailure")
    {
        _rejections[detailType] = times;
        _rejectionCodes[detailType] = errorCode;
    }

    /// <summary>Called with each event as it is offered, before the bus answers (e.g. to freeze a virtual clock at that instant).</summary>
    public Action<PublishedEvent>? Offering { get; set; }

    public Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            Offering?.Invoke(e);
            _offered.Enqueue(e);
        }

        if (TakeOne(ref _failCalls))
        {
            throw new HttpRequestException("Connection reset before EventBridge answered (injected fault).");
        }

        var failed = new List<FailedEventEntry>();
        for (var i = 0; i < events.Count; i++)
        {
            if (TakeRejection(events[i].DetailType))
            {
                failed.Add(new FailedEventEntry(i, _rejectionCodes.GetValueOrDefault(events[i].DetailType, "InternalFailure"), "Injected PutEvents entry failure."));
                continue;
            }

            _events.Enqueue(events[i]);
        }

        return failed.Count > 0 ? throw new EventPublishException(failed) : Task.CompletedTask;
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private bool TakeRejection(string detailType)
    {
        while (_rejections.TryGetValue(detailType, out var left) && left > 0)
        {
            if (_rejections.TryUpdate(detailType, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
