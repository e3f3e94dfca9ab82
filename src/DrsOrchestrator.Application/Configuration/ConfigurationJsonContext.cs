using System.Text.Json.Serialization;

namespace DrsOrchestrator.Application.Configuration;

/// <summary>How settings documents are stored; the API's own contract is defined separately in the API project.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrchestratorSettings))]
[JsonSerializable(typeof(TagSyncSettings))]
[JsonSerializable(typeof(TagSyncState))]
internal sealed partial class ConfigurationJsonContext : JsonSerializerContext;
