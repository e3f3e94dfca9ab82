namespace DrsOrchestrator.WorkflowRunner;

/// <summary>One entry of a run's history, named like Step Functions' event types (TaskStateEntered, TaskScheduled, ...).</summary>
/// <param name="Timestamp">From the runner's TimeProvider, so a virtual clock shows in the history.</param>
/// <param name="Details">Compact JSON: input/output, or {"error","cause"} for failures.</param>
public sealed record WorkflowHistoryEvent(long Id, string Type, DateTimeOffset Timestamp, string? StateName, string? Details);
