using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomResourceRequest))]
[JsonSerializable(typeof(CustomResourceResponse))]
[JsonSerializable(typeof(AwsConfigProperties))]
internal sealed partial class FrontendBuilderJsonContext : JsonSerializerContext;
