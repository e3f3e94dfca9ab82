
namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>The members of API Gateway's REST proxy event we read; the rest of the event is ignored.</summary>
internal sealed record ApiGatewayProxyRequest(
    string? HttpMethod,
    string? Path,
    string? Resource,
    Dictionary<string, string?>? Headers,
    Dictionary<string, string?>? QueryStringParameters,
    Dictionary<string, List<string>?>? MultiValueQueryStringParameters,
    string? Body,
    bool IsBase64Encoded,
    ApiGatewayRequestContext? RequestContext);
