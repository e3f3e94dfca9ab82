namespace DrsOrchestrator.Domain.Ports.Workflow;

/// <summary>
/// The workflow engine that runs the orchestration state machine: AWS Step Functions in production,
/// the local runner (which executes the same synthesized definition) in tests and on the local host.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>Starts a run; <paramref name="name"/> is unique per state machine, so a retried start returns the existing run.</summary>
    Task<WorkflowExecutionRef> StartExecutionAsync(string stateMachineArn, string name, string inputJson, CancellationToken cancellationToken);

    Task StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken cancellationToken);

    Task<WorkflowExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken);

    Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken);

    Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken);

    Task SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken);
}
