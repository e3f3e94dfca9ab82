using System.Text;
using System.Text.Json;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>The outcome of an engine step: what the workflow does next, for which execution.</summary>
/// <param name="WaitSeconds">With <see cref="NextStep.WaitForCapacity"/> only.</param>
public sealed record StepResult(string ExecutionId, NextStep Next, int? WaitSeconds = null)
{
    /// <summary>The contract's camelCase name of <see cref="Next"/>.</summary>
    public string WireName => WireNameOf(Next);

    public static string WireNameOf(NextStep next) => next switch
    {
        NextStep.StartWave => "startWave",
        NextStep.AwaitWave => "awaitWave",
        NextStep.ReconcileWave => "reconcileWave",
        NextStep.WaitForCapacity => "waitForCapacity",
        NextStep.Pause => "pause",
        NextStep.Finalize => "finalize",
        _ => throw new ArgumentOutOfRangeException(nameof(next), next, "Unknown next step."),
    };

    /// <summary>
    /// The JSON the workflow routes on (<c>{"executionId","next","waitSeconds"?}</c>), also the output sent
    /// with task success for an await or pause token. Written by hand so Application needs no reference to
    /// the state machine project; the contract test deserializes it with the contract's own type.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("executionId", ExecutionId);
            writer.WriteString("next", WireName);
            if (WaitSeconds is { } seconds)
            {
                writer.WriteNumber("waitSeconds", seconds);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
