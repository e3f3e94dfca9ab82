namespace DrsOrchestrator.Domain.Ports.Events;

/// <summary>Some events of a batch were rejected; <see cref="FailedEntries"/> says which and why.</summary>
public sealed class EventPublishException(IReadOnlyList<FailedEventEntry> failedEntries)
    : Exception($"{failedEntries.Count} event(s) were not published: {string.Join("; ", failedEntries.Select(f => $"#{f.Index} {f.ErrorCode}: {f.ErrorMessage}"))}")
{
    public IReadOnlyList<FailedEventEntry> FailedEntries { get; } = failedEntries;
}
