using System.Text.Json.Serialization;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>The body PUT to the pre-signed ResponseURL; CloudFormation waits for it (up to an hour) before it moves on.</summary>
internal sealed record CustomResourceResponse(
    [property: JsonPropertyName("Status")] string Status,
    [property: JsonPropertyName("Reason")] string? Reason,
    [property: JsonPropertyName("PhysicalResourceId")] string PhysicalResourceId,
    [property: JsonPropertyName("StackId")] string? StackId,
    [property: JsonPropertyName("RequestId")] string? RequestId,
    [property: JsonPropertyName("LogicalResourceId")] string? LogicalResourceId,
    [property: JsonPropertyName("Data")] IReadOnlyDictionary<string, string>? Data)
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
}
