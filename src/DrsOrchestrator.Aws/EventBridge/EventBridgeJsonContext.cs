using System.Text.Json.Serialization;

namespace DrsOrchestrator.Aws.EventBridge;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutEventsInput))]
[JsonSerializable(typeof(PutEventsOutput))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
