namespace DrsOrchestrator.Domain.Ports.Events;

/// <param name="Index">Position of the event in the published batch.</param>
public sealed record FailedEventEntry(int Index, string? ErrorCode, string? ErrorMessage);
