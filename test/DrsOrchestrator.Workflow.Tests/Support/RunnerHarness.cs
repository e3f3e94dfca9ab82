using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Support;

/// <summary>A runner on a manual clock with one Lambda function bound, for hand-written definitions.</summary>
internal sealed class RunnerHarness : IAsyncDisposable
{
    public const string FunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:test";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private int _executions;

    public RunnerHarness(Func<JsonNode, CancellationToken, Task<JsonNode>>? handler = null, LocalWorkflowRunnerOptions? options = null)
    {
        Runner = new LocalWorkflowRunner(Clock, options);
        Runner.RegisterFunction(FunctionArn, handler ?? ((payload, _) => Task.FromResult(payload)));
    }

    public ManualTimeProvider Clock { get; } = new();

    public LocalWorkflowRunner Runner { get; }

    public string Load(string definitionJson) =>
        Runner.CreateStateMachine("test", definitionJson, new Dictionary<string, string> { ["FunctionArn"] = FunctionArn });

    public async Task<string> StartAsync(string stateMachineArn, string inputJson = "{}")
    {
        var started = await Runner.StartExecutionAsync(stateMachineArn, $"run-{++_executions}", inputJson, CancellationToken.None);
        return started.ExecutionArn;
    }

    public async Task<WorkflowExecutionDescription> RunAsync(string definitionJson, string inputJson = "{}")
    {
        var arn = await StartAsync(Load(definitionJson), inputJson);
        return await Runner.WaitForCompletionAsync(arn, Patience);
    }

    public Task<WorkflowHistoryEvent> WaitForEventAsync(string executionArn, string type, string? stateName = null) =>
        Runner.WaitForHistoryEventAsync(executionArn, e => e.Type == type && (stateName is null || e.StateName == stateName), Patience);

    public ValueTask DisposeAsync() => Runner.DisposeAsync();
}
