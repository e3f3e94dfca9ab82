using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Workflow.Definition;

/// <summary>
/// The single source of the orchestration state machine's Amazon States Language. CDK deploys the
/// string through DefinitionBody.FromString with <see cref="Placeholders"/> as DefinitionSubstitutions;
/// the local runner loads the same string and binds the placeholders to in-process handlers.
/// </summary>
/// <remarks>
/// Archive pattern: the state is only <see cref="OrchestrationStepResult"/>; each Lambda step's
/// output replaces it and a Choice routes on <c>next</c>. No state holds data, so a retry or a
/// redeploy never loses progress: the Lambda reads everything from DynamoDB.
/// </remarks>
public static class OrchestrationStateMachine
{
    /// <summary>DefinitionSubstitutions key for the orchestration Lambda's ARN.</summary>
    public const string FunctionArnPlaceholder = "OrchestrationFunctionArn";

    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string LambdaInvokeWaitForToken = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    /// <summary>Every <c>${...}</c> key the definition contains; CDK must substitute all of them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = [FunctionArnPlaceholder];

    /// <summary>The deployed definition.</summary>
    public static string BuildDefinition() => BuildDefinition(new OrchestrationStateMachineOptions());

    public static string BuildDefinition(OrchestrationStateMachineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var states = new JsonObject
        {
            [OrchestrationStates.Start] = LambdaStep(OrchestrationActions.Start, options),
            [OrchestrationStates.Route] = Route(),
            [OrchestrationStates.StartWave] = LambdaStep(OrchestrationActions.StartWave, options),
            [OrchestrationStates.AwaitWave] = TokenStep(
                OrchestrationActions.AwaitWave,
                options.AwaitWaveTimeoutSeconds,
                onTimeout: OrchestrationStates.ReconcileWave,
                options),
            [OrchestrationStates.ReconcileWave] = LambdaStep(OrchestrationActions.ReconcileWave, options),
            [OrchestrationStates.ChooseCapacityWait] = ChooseCapacityWait(),
            [OrchestrationStates.WaitForCapacity] = new JsonObject
            {
                ["Type"] = "Wait",
                ["SecondsPath"] = "$.waitSeconds",
                ["Next"] = OrchestrationStates.StartWave,
            },
            [OrchestrationStates.WaitForCapacityDefault] = new JsonObject
            {
                ["Type"] = "Wait",
                ["Seconds"] = options.DefaultCapacityWaitSeconds,
                ["Next"] = OrchestrationStates.StartWave,
            },

            // The pause times out into itself: the Lambda stores the fresh token, nothing waits a year.
            [OrchestrationStates.Pause] = TokenStep(
                OrchestrationActions.Pause,
                options.PauseTimeoutSeconds,
                onTimeout: OrchestrationStates.Pause,
                options),
            [OrchestrationStates.Finalize] = LambdaStep(OrchestrationActions.Finalize, options, next: OrchestrationStates.Completed),
            [OrchestrationStates.Completed] = new JsonObject { ["Type"] = "Succeed" },
            [OrchestrationStates.RecordCancellation] = LambdaStep(
                OrchestrationActions.Cancelled,
                options,
                next: OrchestrationStates.Cancelled,
                passError: true),
            [OrchestrationStates.Cancelled] = new JsonObject { ["Type"] = "Succeed" },
            [OrchestrationStates.UnknownNextStep] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Result"] = new JsonObject
                {
                    ["Error"] = OrchestrationErrors.UnknownNextStep,
                    ["Cause"] = "The step result's next is missing or not one of: " + string.Join(", ", OrchestrationNextSteps.All) + ".",
                },
                ["ResultPath"] = "$.error",
                ["Next"] = OrchestrationStates.RecordFailure,
            },
            [OrchestrationStates.RecordFailure] = RecordFailure(options),
            [OrchestrationStates.Failed] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = OrchestrationErrors.OrchestrationFailed,
                ["Cause"] = "The orchestration recorded the execution as FAILED; the execution record holds the cause.",
            },
            [OrchestrationStates.InvalidStepResult] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = OrchestrationErrors.InvalidStepResult,
                ["Cause"] = "A step result had no executionId, so nothing could be recorded.",
            },
        };

        var definition = new JsonObject
        {
            ["Comment"] = "DRS Orchestrator: waves of DRS recovery jobs. The orchestration Lambda owns all state; the workflow carries {executionId, next}.",
            ["StartAt"] = OrchestrationStates.Start,
            ["States"] = states,
        };
        return CanonicalJson.Serialize(definition);
    }

    private static JsonObject Route()
    {
        var choices = new JsonArray
        {
            new JsonObject { ["Variable"] = "$.executionId", ["IsPresent"] = false, ["Next"] = OrchestrationStates.InvalidStepResult },
            new JsonObject { ["Variable"] = "$.next", ["IsPresent"] = false, ["Next"] = OrchestrationStates.UnknownNextStep },
            RouteTo(OrchestrationNextSteps.StartWave, OrchestrationStates.StartWave),
            RouteTo(OrchestrationNextSteps.AwaitWave, OrchestrationStates.AwaitWave),
            RouteTo(OrchestrationNextSteps.ReconcileWave, OrchestrationStates.ReconcileWave),
            RouteTo(OrchestrationNextSteps.WaitForCapacity, OrchestrationStates.ChooseCapacityWait),
            RouteTo(OrchestrationNextSteps.Pause, OrchestrationStates.Pause),
            RouteTo(OrchestrationNextSteps.Finalize, OrchestrationStates.Finalize),
        };

        return new JsonObject
        {
            ["Type"] = "Choice",
            ["Choices"] = choices,
            ["Default"] = OrchestrationStates.UnknownNextStep,
        };
    }

    /// <summary>
    /// Uses the result's waitSeconds when it is there. Separate rules, not one And: Choice rules are
    /// evaluated in order, while a type test on a missing field inside an And is a States.Runtime error.
    /// </summary>
    private static JsonObject ChooseCapacityWait() => new()
    {
        ["Type"] = "Choice",
        ["Choices"] = new JsonArray
        {
            new JsonObject { ["Variable"] = "$.waitSeconds", ["IsPresent"] = false, ["Next"] = OrchestrationStates.WaitForCapacityDefault },
            new JsonObject { ["Variable"] = "$.waitSeconds", ["IsNumeric"] = true, ["Next"] = OrchestrationStates.WaitForCapacity },
        },
        ["Default"] = OrchestrationStates.WaitForCapacityDefault,
    };

    private static JsonObject RouteTo(string next, string state) =>
        new() { ["Variable"] = "$.next", ["StringEquals"] = next, ["Next"] = state };

    private static JsonObject Payload(string action, bool withToken = false, bool passError = false)
    {
        var payload = new JsonObject
        {
            ["action"] = action,
            ["executionId.$"] = "$.executionId",
        };
        if (withToken)
        {
            payload["taskToken.$"] = "$$.Task.Token";
        }

        if (passError)
        {
            payload["error.$"] = "$.error";
        }

        return payload;
    }

    private static JsonObject Parameters(JsonObject payload) => new()
    {
        ["FunctionName"] = "${" + FunctionArnPlaceholder + "}",
        ["Payload"] = payload,
    };

    /// <summary>A Lambda step whose result becomes the whole state; by default it routes on <c>next</c>.</summary>
    private static JsonObject LambdaStep(string action, OrchestrationStateMachineOptions options, string next = OrchestrationStates.Route, bool passError = false) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = LambdaInvoke,
        ["Parameters"] = Parameters(Payload(action, passError: passError)),
        ["OutputPath"] = "$.Payload",
        ["Retry"] = TransientRetry(options),
        ["Catch"] = new JsonArray { CatchAll() },
        ["Next"] = next,
    };

    /// <summary>
    /// A step that hands the Lambda a task token and waits for task success carrying the next state.
    /// No HeartbeatSeconds: the wait is event-driven and nobody is busy on the other side; the timeout
    /// is the liveness bound.
    /// </summary>
    private static JsonObject TokenStep(string action, int timeoutSeconds, string onTimeout, OrchestrationStateMachineOptions options) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = LambdaInvokeWaitForToken,
        ["Parameters"] = Parameters(Payload(action, withToken: true)),
        ["TimeoutSeconds"] = timeoutSeconds,
        ["Retry"] = TransientRetry(options),
        ["Catch"] = new JsonArray
        {
            new JsonObject
            {
                ["ErrorEquals"] = new JsonArray { OrchestrationErrors.Cancelled },
                ["ResultPath"] = "$.error",
                ["Next"] = OrchestrationStates.RecordCancellation,
            },
            new JsonObject
            {
                ["ErrorEquals"] = new JsonArray { "States.Timeout" },
                ["ResultPath"] = "$.error",
                ["Next"] = onTimeout,
            },
            CatchAll(),
        },
        ["Next"] = OrchestrationStates.Route,
    };

    /// <summary>
    /// Records FAILED with the caught error. If even that fails after retries, the workflow still ends
    /// failed (the execution poller finds the orphaned record).
    /// </summary>
    private static JsonObject RecordFailure(OrchestrationStateMachineOptions options) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = LambdaInvoke,
        ["Parameters"] = Parameters(Payload(OrchestrationActions.Fail, passError: true)),
        ["ResultPath"] = null,
        ["Retry"] = TransientRetry(options),
        ["Catch"] = new JsonArray
        {
            new JsonObject
            {
                ["ErrorEquals"] = new JsonArray { "States.ALL" },
                ["ResultPath"] = "$.recordFailureError",
                ["Next"] = OrchestrationStates.Failed,
            },
        },
        ["Next"] = OrchestrationStates.Failed,
    };

    private static JsonObject CatchAll() => new()
    {
        ["ErrorEquals"] = new JsonArray { "States.ALL" },
        ["ResultPath"] = "$.error",
        ["Next"] = OrchestrationStates.RecordFailure,
    };

    private static JsonArray TransientRetry(OrchestrationStateMachineOptions options)
    {
        var errors = new JsonArray();
        foreach (var name in OrchestrationErrors.LambdaTransient)
        {
            errors.Add(name);
        }

        errors.Add(OrchestrationErrors.Transient);
        return
        [
            new JsonObject
            {
                ["ErrorEquals"] = errors,
                ["IntervalSeconds"] = options.RetryIntervalSeconds,
                ["MaxAttempts"] = options.RetryMaxAttempts,
                ["BackoffRate"] = options.RetryBackoffRate,
                ["MaxDelaySeconds"] = options.RetryMaxDelaySeconds,
                ["JitterStrategy"] = "FULL",
            },
        ];
    }
}
