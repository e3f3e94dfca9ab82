using System.Text.Json;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>The outcome of an engine step: what the workflow does next, for which execution.</summary>
/// <param name="WaitSeconds">With <see cref="NextStep.WaitForCapacity"/> only.</param>
public sealed record StepResult(string ExecutionId, NextStep Next, int? WaitSeconds = null)
{
    /// <summary>The contract's camelCase name of <see cref="Next"/>.</summary>
    public string WireName => WireNameOf(Next);

    public static string WireNameOf(NextStep next) => next switch
    {
        NextStep.StartWave => OrchestrationNextSteps.StartWave,
        NextStep.AwaitWave => OrchestrationNextSteps.AwaitWave,
        NextStep.ReconcileWave => OrchestrationNextSteps.ReconcileWave,
        NextStep.WaitForCapacity => OrchestrationNextSteps.WaitForCapacity,
        NextStep.Pause => OrchestrationNextSteps.Pause,
        NextStep.Finalize => OrchestrationNextSteps.Finalize,
        _ => throw new ArgumentOutOfRangeException(nameof(next), next, "Unknown next step."),
    };

    /// <summary>The step result in the state machine contract's shape.</summary>
    public OrchestrationStepResult ToContract() => new(ExecutionId, WireName, WaitSeconds);

    /// <summary>The JSON the workflow routes on, also the output sent with task success for an await or pause token.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToContract(), OrchestrationJsonContext.Default.OrchestrationStepResult);
}
