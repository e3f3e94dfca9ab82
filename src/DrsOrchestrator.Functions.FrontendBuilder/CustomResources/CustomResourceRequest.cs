using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>The event CloudFormation sends a custom resource's Lambda (every property value arrives as a string).</summary>
internal sealed record CustomResourceRequest(
    [property: JsonPropertyName("RequestType")] string? RequestType,
    [property: JsonPropertyName("ResponseURL")] string? ResponseUrl,
    [property: JsonPropertyName("StackId")] string? StackId,
    [property: JsonPropertyName("RequestId")] string? RequestId,
    [property: JsonPropertyName("ResourceType")] string? ResourceType,
    [property: JsonPropertyName("LogicalResourceId")] string? LogicalResourceId,
    [property: JsonPropertyName("PhysicalResourceId")] string? PhysicalResourceId,
    [property: JsonPropertyName("ResourceProperties")] ConsoleDeploymentProperties? ResourceProperties);
