namespace DrsOrchestrator.Workflow.Contract;

/// <summary>Error names that cross the boundary between the state machine, the Lambda and the API.</summary>
public static class OrchestrationErrors
{
    /// <summary>
    /// The API cancels an execution by sending task failure with this error to the stored await or
    /// pause token; the state machine catches it and runs the <c>cancelled</c> action.
    /// </summary>
    public const string Cancelled = "Cancelled";

    /// <summary>
    /// The Lambda's errorType for a failure worth retrying (throttling, a lost conditional write race,
    /// a DynamoDB blip): throw <see cref="OrchestrationTransientException"/>. Lambda reports the
    /// exception's type name as the error, which is what the state machine's Retry matches.
    /// </summary>
    public const string Transient = nameof(OrchestrationTransientException);

    /// <summary>The Fail state's error after the <c>fail</c> action recorded FAILED.</summary>
    public const string OrchestrationFailed = "OrchestrationFailed";

    /// <summary>A step result without <c>executionId</c>: nothing can be recorded, the workflow fails directly.</summary>
    public const string InvalidStepResult = "InvalidStepResult";

    /// <summary>A step result whose <c>next</c> is missing or not one of <see cref="OrchestrationNextSteps"/>.</summary>
    public const string UnknownNextStep = "UnknownNextStep";

    /// <summary>Errors Lambda's service raises around an invocation; retried like <see cref="Transient"/>.</summary>
    public static IReadOnlyList<string> LambdaTransient { get; } =
    [
        "Lambda.ServiceException",
        "Lambda.AWSLambdaException",
        "Lambda.SdkClientException",
        "Lambda.TooManyRequestsException",
    ];
}
