namespace DrsOrchestrator.Domain.Ports.Events;

/// <summary>
/// Publishes the orchestrator's domain events (EventBridge in production). Subscribers (SNS e-mail,
/// dashboards) hang off rules, so the engine never knows who listens.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes all events or throws; a partially rejected batch is reported, not swallowed.</summary>
    Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken);
}
