using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.StepFunctions;

internal static class StepFunctionsOperations
{
    public static readonly AwsJsonOperation StartExecution = new("StartExecution", typeof(StartExecutionOutput));
    public static readonly AwsJsonOperation StopExecution = new("StopExecution", typeof(StopExecutionOutput));
    public static readonly AwsJsonOperation DescribeExecution = new("DescribeExecution", typeof(DescribeExecutionOutput));
    public static readonly AwsJsonOperation SendTaskSuccess = new("SendTaskSuccess", typeof(StepFunctionsEmptyOutput));
    public static readonly AwsJsonOperation SendTaskFailure = new("SendTaskFailure", typeof(StepFunctionsEmptyOutput));
    public static readonly AwsJsonOperation SendTaskHeartbeat = new("SendTaskHeartbeat", typeof(StepFunctionsEmptyOutput));

    public static IReadOnlyList<AwsJsonOperation> All { get; } =
        [StartExecution, StopExecution, DescribeExecution, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat];
}
