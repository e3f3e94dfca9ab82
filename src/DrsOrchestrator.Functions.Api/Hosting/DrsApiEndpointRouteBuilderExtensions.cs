using System.Text;
using DrsOrchestrator.Functions.Api.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>Mounts the API pipeline in an ASP.NET Core app (the local host): same pipeline as the Lambda function.</summary>
public static class DrsApiEndpointRouteBuilderExtensions
{
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    public static IEndpointConventionBuilder MapDrsApi(this IEndpointRouteBuilder endpoints, ApiPipeline pipeline, IHttpClaimsSource claimsSource, string prefix = "/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(claimsSource);
        var root = "/" + prefix.Trim('/');
        return endpoints.Map(root + "/{**path}", context => HandleAsync(context, pipeline, claimsSource, root));
    }

    private static async Task HandleAsync(HttpContext context, ApiPipeline pipeline, IHttpClaimsSource claimsSource, string root)
    {
        var request = await ToRequestAsync(context, claimsSource, root).ConfigureAwait(false);
        var response = await pipeline.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    internal static async Task<ApiRequest> ToRequestAsync(HttpContext context, IHttpClaimsSource claimsSource, string root)
    {
        var path = context.Request.Path.Value ?? "/";
        path = path.Length > root.Length ? path[root.Length..] : "/";
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Query)
        {
            query[key] = string.Join(',', values.Where(v => v is not null));
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in context.Request.Headers)
        {
            headers[key] = values.ToString();
        }

        string? body = null;
        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            body = new string(' ', MaxBodyBytes); // too large: the pipeline refuses it with a stable code
        }
        else if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var buffer = new char[MaxBodyBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = new string(buffer, 0, read);
        }

        var claims = await claimsSource.GetClaimsAsync(context).ConfigureAwait(false);
        var requestId = headers.TryGetValue("X-Request-Id", out var id) && id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? id
            : context.TraceIdentifier;
        return new ApiRequest(context.Request.Method, path, query, headers, body, claims, requestId);
    }
}
