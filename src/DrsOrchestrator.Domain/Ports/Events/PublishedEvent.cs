namespace DrsOrchestrator.Domain.Ports.Events;

/// <param name="DetailType">e.g. "Execution Started", "Wave Completed"; rules match on it.</param>
/// <param name="DetailJson">The event body, a JSON object.</param>
/// <param name="Resources">ARNs the event concerns (optional).</param>
public sealed record PublishedEvent(string DetailType, string DetailJson, IReadOnlyList<string>? Resources = null, DateTimeOffset? Time = null);
