using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>The event is AWS's, not ours: unknown members are expected and ignored (unlike request bodies).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
internal sealed partial class ProxyJsonContext : JsonSerializerContext;
