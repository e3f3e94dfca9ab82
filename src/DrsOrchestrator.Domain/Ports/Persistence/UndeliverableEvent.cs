namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>
/// An event the bus kept rejecting until the outbox gave up on it. It is never published again; it stays
/// with the execution (and its TTL) as evidence, and its ID says which event consumers never saw.
/// </summary>
/// <param name="Attempts">Rejected publishes, the last of which gave up.</param>
/// <param name="LastErrorCode">EventBridge's entry error code on the last attempt.</param>
public sealed record UndeliverableEvent(
    string EventId,
    string DetailType,
    DateTimeOffset ProducedAt,
    int Attempts,
    string LastErrorCode,
    string? LastErrorMessage,
    DateTimeOffset GivenUpAt);
