using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Aws.StepFunctions;

/// <summary>
/// Step Functions over aws-json 1.0. The service's own client errors (a stale token's TaskTimedOut, an
/// ExecutionAlreadyExists on a retried start, …) surface as the port's <see cref="WorkflowClientException"/>
/// so the engine handles them exactly as it does the local runner's; throttling and 5xx stay
/// <see cref="AwsServiceException"/> after the wire client's retries.
/// </summary>
internal sealed class StepFunctionsClient(AwsWireClient wire) : IWorkflowClient
{
    private readonly AwsJsonProtocol protocol = new(wire, "AWSStepFunctions", "1.0");

    public async Task<WorkflowExecutionRef> StartExecutionAsync(string stateMachineArn, string name, string inputJson, CancellationToken cancellationToken)
    {
        var output = await Translate(protocol.InvokeAsync(
            StepFunctionsOperations.StartExecution, new StartExecutionInput(stateMachineArn, name, inputJson),
            StepFunctionsJsonContext.Default.StartExecutionInput, StepFunctionsJsonContext.Default.StartExecutionOutput, cancellationToken)).ConfigureAwait(false);
        return new WorkflowExecutionRef(output.ExecutionArn, output.StartDate);
    }

    public Task StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken cancellationToken) =>
        Translate(protocol.InvokeAsync(
            StepFunctionsOperations.StopExecution, new StopExecutionInput(executionArn, error, cause),
            StepFunctionsJsonContext.Default.StopExecutionInput, StepFunctionsJsonContext.Default.StopExecutionOutput, cancellationToken));

    public async Task<WorkflowExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        var output = await Translate(protocol.InvokeAsync(
            StepFunctionsOperations.DescribeExecution, new DescribeExecutionInput(executionArn),
            StepFunctionsJsonContext.Default.DescribeExecutionInput, StepFunctionsJsonContext.Default.DescribeExecutionOutput, cancellationToken)).ConfigureAwait(false);
        return new WorkflowExecutionDescription(output.ExecutionArn, output.Status, output.StartDate, output.StopDate, output.Input, output.Output, output.Error, output.Cause);
    }

    public Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken) =>
        Translate(protocol.InvokeAsync(
            StepFunctionsOperations.SendTaskSuccess, new SendTaskSuccessInput(taskToken, outputJson),
            StepFunctionsJsonContext.Default.SendTaskSuccessInput, StepFunctionsJsonContext.Default.StepFunctionsEmptyOutput, cancellationToken));

    public Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken) =>
        Translate(protocol.InvokeAsync(
            StepFunctionsOperations.SendTaskFailure, new SendTaskFailureInput(taskToken, error, cause),
            StepFunctionsJsonContext.Default.SendTaskFailureInput, StepFunctionsJsonContext.Default.StepFunctionsEmptyOutput, cancellationToken));

    public Task SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken) =>
        Translate(protocol.InvokeAsync(
            StepFunctionsOperations.SendTaskHeartbeat, new SendTaskHeartbeatInput(taskToken),
            StepFunctionsJsonContext.Default.SendTaskHeartbeatInput, StepFunctionsJsonContext.Default.StepFunctionsEmptyOutput, cancellationToken));

    private static async Task<T> Translate<T>(Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.StatusCode is >= 400 and < 500 && ex is not AwsThrottlingException)
        {
            throw new WorkflowClientException(ex.ErrorCode, ex.Message, ex);
        }
    }
}
