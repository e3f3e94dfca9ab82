using System.Text.Json.Serialization;

namespace DrsOrchestrator.Workflow.Contract;

/// <summary>
/// The whole state the state machine carries between steps ("archive pattern": everything else lives
/// in DynamoDB). It is both what the Lambda returns from start/startWave/reconcileWave and the output
/// the engine or API sends with task success for an await or pause token.
/// </summary>
/// <param name="ExecutionId">Always echoed back: the next step is invoked with it.</param>
/// <param name="Next">One of <see cref="OrchestrationNextSteps"/>.</param>
/// <param name="WaitSeconds">With <see cref="OrchestrationNextSteps.WaitForCapacity"/> only: how long to wait before starting the remaining batches.</param>
public sealed record OrchestrationStepResult(
    [property: JsonPropertyName("executionId")] string ExecutionId,
    [property: JsonPropertyName("next")] string Next,
    [property: JsonPropertyName("waitSeconds")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    int? WaitSeconds = null);
