using System.Text.Json.Serialization;

namespace DrsOrchestrator.Aws.StepFunctions;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionInput))]
[JsonSerializable(typeof(StartExecutionOutput))]
[JsonSerializable(typeof(StopExecutionInput))]
[JsonSerializable(typeof(StopExecutionOutput))]
[JsonSerializable(typeof(DescribeExecutionInput))]
[JsonSerializable(typeof(DescribeExecutionOutput))]
[JsonSerializable(typeof(SendTaskSuccessInput))]
[JsonSerializable(typeof(SendTaskFailureInput))]
[JsonSerializable(typeof(SendTaskHeartbeatInput))]
[JsonSerializable(typeof(StepFunctionsEmptyOutput))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
