using System.Text.Json.Serialization;

namespace DrsOrchestrator.Workflow.Contract;

/// <summary>The StartExecution input: the execution record is written before the workflow starts.</summary>
public sealed record OrchestrationWorkflowInput([property: JsonPropertyName("executionId")] string ExecutionId);
