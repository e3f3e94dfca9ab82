using System.Collections.Concurrent;
using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>The local twin's stand-in for EventBridge: keeps what the engine published so tests can read it.</summary>
internal sealed class LocalEventBus : IEventPublisher
{
    private readonly ConcurrentQueue<PublishedEvent> published = new();

    public IReadOnlyList<PublishedEvent> Published => [.. published];

    public Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            published.Enqueue(e);
        }

        return Task.CompletedTask;
    }
}
