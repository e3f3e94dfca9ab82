using System.Text.Json.Serialization;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.StepFunctions;

// Step Functions wire shapes (states-2016-11-23 member names).
internal sealed record StartExecutionInput(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input")] string Input);

internal sealed record StartExecutionOutput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("startDate"), JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StartDate);

internal sealed record StopExecutionInput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("cause")] string? Cause);

internal sealed record StopExecutionOutput(
    [property: JsonPropertyName("stopDate"), JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StopDate);

internal sealed record DescribeExecutionInput([property: JsonPropertyName("executionArn")] string ExecutionArn);

internal sealed record DescribeExecutionOutput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("startDate"), JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StartDate,
    [property: JsonPropertyName("stopDate"), JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? StopDate,
    [property: JsonPropertyName("input")] string? Input,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("cause")] string? Cause);

internal sealed record SendTaskSuccessInput(
    [property: JsonPropertyName("taskToken")] string TaskToken,
    [property: JsonPropertyName("output")] string Output);

internal sealed record SendTaskFailureInput(
    [property: JsonPropertyName("taskToken")] string TaskToken,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("cause")] string Cause);

internal sealed record SendTaskHeartbeatInput([property: JsonPropertyName("taskToken")] string TaskToken);

internal sealed record StepFunctionsEmptyOutput;
