using System.Text.Json;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Workflow.Contract;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.EndToEnd;

/// <summary>The real orchestration definition, loaded the way CDK deploys it, on a runner with a manual clock.</summary>
internal sealed class OrchestrationWorkflowHarness : IAsyncDisposable
{
    public const string FunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:drs-orchestration";

    public OrchestrationWorkflowHarness(LocalWorkflowRunnerOptions? options = null)
    {
        Runner = new LocalWorkflowRunner(Clock, options ?? new LocalWorkflowRunnerOptions(Random: new Random(42)));
        Runner.RegisterFunction(FunctionArn, Lambda.HandleAsync);
        StateMachineArn = Runner.CreateStateMachine(
            "drs-orchestration",
            OrchestrationStateMachine.BuildDefinition(),
            new Dictionary<string, string> { [OrchestrationStateMachine.FunctionArnPlaceholder] = FunctionArn });
    }

    public ManualTimeProvider Clock { get; } = new();

    public ScriptedOrchestrationHandler Lambda { get; } = new();

    public LocalWorkflowRunner Runner { get; }

    public string StateMachineArn { get; }

    public async Task<string> StartAsync(string executionId)
    {
        var input = JsonSerializer.Serialize(new OrchestrationWorkflowInput(executionId), OrchestrationJsonContext.Default.OrchestrationWorkflowInput);
        var started = await Runner.StartExecutionAsync(StateMachineArn, executionId, input, CancellationToken.None);
        return started.ExecutionArn;
    }

    /// <summary>What the engine sends with task success for an await or pause token.</summary>
    public Task SendNextAsync(string taskToken, string executionId, string next) =>
        Runner.SendTaskSuccessAsync(
            taskToken,
            JsonSerializer.Serialize(new OrchestrationStepResult(executionId, next), OrchestrationJsonContext.Default.OrchestrationStepResult),
            CancellationToken.None);

    public Task<WorkflowExecutionDescription> CompletionAsync(string executionArn) =>
        Runner.WaitForCompletionAsync(executionArn, RunnerHarness.Patience);

    /// <summary>Waits until the token task has been submitted for the <paramref name="occurrence"/>-th time.</summary>
    public Task<WorkflowHistoryEvent> WaitForSubmittedAsync(string executionArn, string stateName, int occurrence)
    {
        var seen = 0;
        return Runner.WaitForHistoryEventAsync(
            executionArn,
            e => e.Type == "TaskSubmitted" && e.StateName == stateName && ++seen == occurrence,
            RunnerHarness.Patience);
    }

    public ValueTask DisposeAsync() => Runner.DisposeAsync();
}
