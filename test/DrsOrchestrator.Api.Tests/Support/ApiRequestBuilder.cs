using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Api.Tests.Support;

public sealed class ApiRequestBuilder
{
    private readonly Dictionary<string, string> query = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
    private string method = "GET";
    private string path = "/health";
    private string? body;
    private IReadOnlyDictionary<string, string>? claims;
    private string requestId = "req-" + Guid.NewGuid().ToString("N")[..12];

    public static ApiRequestBuilder Get(string path) => new ApiRequestBuilder().With("GET", path);

    public static ApiRequestBuilder Post(string path, string? body = null) => new ApiRequestBuilder().With("POST", path).WithBody(body);

    public static ApiRequestBuilder Put(string path, string? body = null) => new ApiRequestBuilder().With("PUT", path).WithBody(body);

    public static ApiRequestBuilder Delete(string path) => new ApiRequestBuilder().With("DELETE", path);

    public ApiRequestBuilder With(string httpMethod, string requestPath)
    {
        method = httpMethod;
        var q = requestPath.IndexOf('?', StringComparison.Ordinal);
        path = q < 0 ? requestPath : requestPath[..q];
        if (q >= 0)
        {
            foreach (var pair in requestPath[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                query[Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq])] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return this;
    }

    public ApiRequestBuilder WithBody(string? json)
    {
        body = json;
        return this;
    }

    public ApiRequestBuilder WithQuery(string name, string value)
    {
        query[name] = value;
        return this;
    }

    public ApiRequestBuilder As(TestCaller caller)
    {
        claims = caller.Claims;
        return this;
    }

    public ApiRequestBuilder WithRequestId(string id)
    {
        requestId = id;
        return this;
    }

    public ApiRequest Build() => new(method, path, query, headers, body, claims, requestId);
}
