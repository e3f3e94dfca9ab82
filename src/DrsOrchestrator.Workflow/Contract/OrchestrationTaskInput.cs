using System.Text.Json.Serialization;

namespace DrsOrchestrator.Workflow.Contract;

/// <summary>The payload every orchestration Lambda invocation receives from the state machine.</summary>
/// <param name="Action">One of <see cref="OrchestrationActions"/>.</param>
/// <param name="TaskToken">Present for <see cref="OrchestrationActions.AwaitWave"/> and <see cref="OrchestrationActions.Pause"/> only.</param>
/// <param name="Error">Present for <see cref="OrchestrationActions.Fail"/> and <see cref="OrchestrationActions.Cancelled"/> only.</param>
public sealed record OrchestrationTaskInput(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("executionId")] string ExecutionId,
    [property: JsonPropertyName("taskToken")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? TaskToken = null,
    [property: JsonPropertyName("error")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    OrchestrationTaskError? Error = null);
