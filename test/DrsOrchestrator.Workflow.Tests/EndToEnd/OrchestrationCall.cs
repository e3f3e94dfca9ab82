using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Workflow.Tests.EndToEnd;

/// <summary>One invocation of the fake orchestration Lambda, answered by the test.</summary>
internal sealed class OrchestrationCall(JsonNode payload)
{
    private readonly TaskCompletionSource<JsonNode> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OrchestrationTaskInput Input { get; } = payload.Deserialize(OrchestrationJsonContext.Default.OrchestrationTaskInput)!;

    public string TaskToken => Input.TaskToken ?? throw new InvalidOperationException($"The {Input.Action} call carried no task token.");

    public Task<JsonNode> Response => _response.Task;

    /// <summary>Returns a step result, as start, startWave and reconcileWave do.</summary>
    public void ReplyNext(string next, int? waitSeconds = null) =>
        _response.SetResult(JsonSerializer.SerializeToNode(new OrchestrationStepResult(Input.ExecutionId, next, waitSeconds), OrchestrationJsonContext.Default.OrchestrationStepResult)!);

    /// <summary>The token was stored; the Lambda's return value is ignored by the waitForTaskToken task.</summary>
    public void Acknowledge() => _response.SetResult(new JsonObject { ["stored"] = true });

    public void Reply(JsonNode result) => _response.SetResult(result);

    public void Throw(Exception error) => _response.SetException(error);
}
