using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Local.Engine;

/// <summary>
/// The local stand-in for the EventBridge bus: there are no rule targets on one machine, so domain
/// events are printed (an operator watching the terminal sees the run progress) and the latest are kept.
/// </summary>
internal sealed class LocalEventPublisher(TextWriter log, int capacity = 1000) : IEventPublisher
{
    private readonly Queue<PublishedEvent> _recent = new();
    private readonly Lock _sync = new();

    public IReadOnlyList<PublishedEvent> Recent
    {
        get
        {
            lock (_sync)
            {
                return [.. _recent];
            }
        }
    }

    public Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_sync)
        {
            foreach (var published in events)
            {
                _recent.Enqueue(published);
                if (_recent.Count > capacity)
                {
                    _recent.Dequeue();
                }

                log.WriteLine($"event: {published.DetailType} {published.DetailJson}");
            }
        }

        return Task.CompletedTask;
    }
}
