using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>What the console reads from /aws-config.json; the same member names are written out.</summary>
internal sealed record AwsConfigProperties(
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("apiUrl")] string? ApiUrl,
    [property: JsonPropertyName("userPoolId")] string? UserPoolId,
    [property: JsonPropertyName("userPoolClientId")] string? UserPoolClientId,
    [property: JsonPropertyName("authMode")] string? AuthMode);
