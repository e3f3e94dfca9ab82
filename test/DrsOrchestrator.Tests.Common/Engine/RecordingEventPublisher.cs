using System.Collections.Concurrent;
using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>The local event bus: keeps every published domain event so tests can assert on them.</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<PublishedEvent> _events = new();

    public IReadOnlyList<PublishedEvent> Events => [.. _events];

    public IReadOnlyList<string> DetailTypesFor(string executionId) =>
        [.. _events.Where(e => e.DetailJson.Contains(executionId, StringComparison.Ordinal)).Select(e => e.DetailType)];

    public Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            _events.Enqueue(e);
        }

        return Task.CompletedTask;
    }
}
