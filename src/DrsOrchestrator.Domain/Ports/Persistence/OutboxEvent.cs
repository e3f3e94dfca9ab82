using DrsOrchestrator.Domain.Ports.Events;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>
/// A domain event stored in the same transaction as the state change that produced it (transactional
/// outbox), so a crash between the save and the publish cannot lose it. It is deleted only after the
/// bus accepted it; until then the next engine step on the execution or the scheduled finder publishes it
/// again, so delivery is at least once.
/// </summary>
/// <param name="EventId">
/// Stable across re-publishes and also written into the event detail as <c>eventId</c>: consumers drop
/// an event whose ID they have already handled.
/// </param>
/// <param name="Event">The event exactly as it is (re-)published.</param>
/// <param name="Attempts">Publishes the bus rejected for good (not throttling or its own failures), as recorded on the row.</param>
/// <param name="LastAttemptAt">When the last such rejection was recorded; the next retry waits from then, not from the event's time.</param>
public sealed record OutboxEvent(string EventId, PublishedEvent Event, int Attempts = 0, DateTimeOffset? LastAttemptAt = null);
