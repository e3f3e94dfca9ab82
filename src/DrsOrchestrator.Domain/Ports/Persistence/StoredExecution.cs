using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>An execution and the events of its earlier state changes not yet published, read together in one query.</summary>
/// <param name="PendingEvents">Oldest state change first.</param>
public sealed record StoredExecution(Execution Execution, IReadOnlyList<OutboxEvent> PendingEvents);
