namespace DrsOrchestrator.Application.Orchestration;

/// <summary>An event a state change produces; the store renders it from the changed execution and writes it with the save.</summary>
/// <param name="DetailType">One of <see cref="ExecutionEvents"/>' detail types.</param>
/// <param name="WaveIndex">The wave the event is about, if any.</param>
internal sealed record EventSpec(string DetailType, int? WaveIndex = null)
{
    public static IReadOnlyList<EventSpec> None { get; } = [];
}
