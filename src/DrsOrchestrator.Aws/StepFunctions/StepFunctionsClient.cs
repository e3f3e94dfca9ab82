using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Aws.StepFunctions;

/// <summary>
/// Step Functions over aws-json 1.0. Service errors surface as AwsServiceException whose ErrorCode is
/// Step Functions' own name (see <see cref="WorkflowErrors"/>), e.g. TaskTimedOut for a stale token.
/// </summary>
internal sealed class StepFunctionsClient(AwsWireClient wire) : IWorkflowClient
{
    private readonly AwsJsonProtocol protocol = new(wire, "AWSStepFunctions", "1.0");

    public async Task<WorkflowExecutionRef> StartExecutionAsync(string stateMachineArn, string name, string inputJson, CancellationToken cancellationToken)
    {
        var output = await protocol.InvokeAsync(
            StepFunctionsOperations.StartExecution, new StartExecutionInput(stateMachineArn, name, inputJson),
            StepFunctionsJsonContext.Default.StartExecutionInput, StepFunctionsJsonContext.Default.StartExecutionOutput, cancellationToken).ConfigureAwait(false);
        return new WorkflowExecutionRef(output.ExecutionArn, output.StartDate);
    }

    public Task StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken cancellationToken) =>
        protocol.InvokeAsync(
            StepFunctionsOperations.StopExecution, new StopExecutionInput(executionArn, error, cause),
            StepFunctionsJsonContext.Default.StopExecutionInput, StepFunctionsJsonContext.Default.StopExecutionOutput, cancellationToken);

    public async Task<WorkflowExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        var output = await protocol.InvokeAsync(
            StepFunctionsOperations.DescribeExecution, new DescribeExecutionInput(executionArn),
            StepFunctionsJsonContext.Default.DescribeExecutionInput, StepFunctionsJsonContext.Default.DescribeExecutionOutput, cancellationToken).ConfigureAwait(false);
        return new WorkflowExecutionDescription(output.ExecutionArn, output.Status, output.StartDate, output.StopDate, output.Input, output.Output, output.Error, output.Cause);
    }

    public Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken) =>
        protocol.InvokeAsync(
            StepFunctionsOperations.SendTaskSuccess, new SendTaskSuccessInput(taskToken, outputJson),
            StepFunctionsJsonContext.Default.SendTaskSuccessInput, StepFunctionsJsonContext.Default.StepFunctionsEmptyOutput, cancellationToken);

    public Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken) =>
        protocol.InvokeAsync(
            StepFunctionsOperations.SendTaskFailure, new SendTaskFailureInput(taskToken, error, cause),
            StepFunctionsJsonContext.Default.SendTaskFailureInput, StepFunctionsJsonContext.Default.StepFunctionsEmptyOutput, cancellationToken);

    public Task SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken) =>
        protocol.InvokeAsync(
            StepFunctionsOperations.SendTaskHeartbeat, new SendTaskHeartbeatInput(taskToken),
            StepFunctionsJsonContext.Default.SendTaskHeartbeatInput, StepFunctionsJsonContext.Default.StepFunctionsEmptyOutput, cancellationToken);
}
