namespace DrsOrchestrator.Domain.Ports.Workflow;

public sealed record WorkflowExecutionRef(string ExecutionArn, DateTimeOffset StartDate);
