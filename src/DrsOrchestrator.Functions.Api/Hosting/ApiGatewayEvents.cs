using System.Text;
using System.Text.Json;
using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>Translates between API Gateway's REST proxy event and the pipeline's request and response.</summary>
internal static class ApiGatewayEvents
{
    public static ApiRequest ToRequest(ApiGatewayProxyRequest proxy)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in proxy.Headers ?? [])
        {
            if (value is not null)
            {
                headers[key] = value;
            }
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in proxy.QueryStringParameters ?? [])
        {
            if (value is not null)
            {
                query[key] = value;
            }
        }

        // A repeated parameter means several values; the pipeline reads lists as comma-separated.
        foreach (var (key, values) in proxy.MultiValueQueryStringParameters ?? [])
        {
            if (values is { Count: > 1 })
            {
                query[key] = string.Join(',', values);
            }
        }

        var body = proxy.Body;
        if (body is not null && proxy.IsBase64Encoded)
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }

        var requestId = proxy.RequestContext?.RequestId is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        return new ApiRequest(
            proxy.HttpMethod ?? "GET",
            proxy.Path ?? "/",
            query,
            headers,
            body,
            Claims(proxy.RequestContext?.Authorizer),
            requestId);
    }

    public static ApiGatewayProxyResponse ToProxyResponse(ApiResponse response) =>
        new(response.StatusCode, response.Headers, response.Body, false);

    /// <summary>The Cognito authorizer's claims; null when API Gateway attached none (a public route).</summary>
    public static Dictionary<string, string>? Claims(Dictionary<string, JsonElement>? authorizer)
    {
        if (authorizer is null || !authorizer.TryGetValue("claims", out var claims) || claims.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in claims.EnumerateObject())
        {
            result[claim.Name] = claim.Value.ValueKind switch
            {
                JsonValueKind.String => claim.Value.GetString()!,
                JsonValueKind.Array => string.Join(',', claim.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                _ => claim.Value.GetRawText(),
            };
        }

        return result;
    }
}
