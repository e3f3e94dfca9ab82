namespace DrsOrchestrator.Domain.Ports.Workflow;

/// <param name="Status">RUNNING | SUCCEEDED | FAILED | TIMED_OUT | ABORTED (Step Functions' names).</param>
public sealed record WorkflowExecutionDescription(
    string ExecutionArn,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Input,
    string? Output,
    string? Error,
    string? Cause);
