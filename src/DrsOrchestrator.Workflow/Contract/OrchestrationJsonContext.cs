using System.Text.Json.Serialization;

namespace DrsOrchestrator.Workflow.Contract;

/// <summary>Source-generated (trim- and AOT-safe) serialization for the contract records.</summary>
[JsonSerializable(typeof(OrchestrationTaskInput))]
[JsonSerializable(typeof(OrchestrationStepResult))]
[JsonSerializable(typeof(OrchestrationWorkflowInput))]
[JsonSerializable(typeof(OrchestrationTaskError))]
public sealed partial class OrchestrationJsonContext : JsonSerializerContext;
