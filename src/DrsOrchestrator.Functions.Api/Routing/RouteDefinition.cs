using DrsOrchestrator.Domain.Security;

namespace DrsOrchestrator.Functions.Api.Routing;

/// <summary>
/// One entry of the API catalog. It carries everything the CDK stack, the OpenAPI document and the RBAC
/// tests need, and nothing about the handler, so the catalog is complete before every handler exists.
/// </summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="PathTemplate">API Gateway style, e.g. <c>/protection-groups/{groupId}</c>.</param>
/// <param name="Permission">Required when <paramref name="Access"/> is <see cref="RouteAccess.Permission"/>.</param>
public sealed record RouteDefinition(
    string Method,
    string PathTemplate,
    RouteAccess Access,
    Permission? Permission,
    string OperationId,
    string Summary,
    string Tag)
{
    /// <summary>Holding any one of these instead of <see cref="Permission"/> also grants access (drill or recovery).</summary>
    public IReadOnlyList<Permission> AlternativePermissions { get; init; } = [];

    /// <summary>Name of the request body type, or null when the route takes no body.</summary>
    public string? RequestType { get; init; }

    /// <summary>Name of the <c>data</c> type of a successful response, or null for 204.</summary>
    public string? ResponseType { get; init; }

    public int SuccessStatus { get; init; } = 200;

    /// <summary>Query parameters; path parameters are derived from <see cref="PathTemplate"/>.</summary>
    public IReadOnlyList<RouteParameter> QueryParameters { get; init; } = [];

    public string Key => Method + " " + PathTemplate;

    public IReadOnlyList<string> PathParameterNames =>
        PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith('{') && s.EndsWith('}'))
            .Select(s => s[1..^1])
            .ToArray();

    /// <summary>Whether a caller with these permissions passes the route's authorization.</summary>
    public bool Allows(IReadOnlySet<Permission> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        return Access switch
        {
            RouteAccess.Public or RouteAccess.Authenticated => true,
            _ => Permission is { } required && (granted.Contains(required) || AlternativePermissions.Any(granted.Contains)),
        };
    }
}
