namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>The bus rejected one outbox event (a PutEvents failed entry); recorded on its row.</summary>
/// <param name="PreviousAttempts">The attempts the row held when it was read: the record is conditional on it, so two drainers count one rejection once.</param>
/// <param name="ErrorCode">EventBridge's entry error code.</param>
/// <param name="GiveUp">Stop retrying: the event leaves the outbox and is kept as undeliverable.</param>
public sealed record OutboxRejection(string EventId, int PreviousAttempts, string ErrorCode, string? ErrorMessage, DateTimeOffset At, bool GiveUp);
