using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Functions.Api.Routing;

/// <summary>One call as a handler sees it: validated accessors for path, query and body, plus services.</summary>
internal sealed partial class RouteContext(
    ApiRequest request,
    RouteDefinition route,
    IReadOnlyDictionary<string, string> pathParameters,
    CallerIdentity? caller,
    IServiceProvider services,
    RouteBindings routes,
    CancellationToken cancellationToken)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public ApiRequest Request { get; } = request;

    public RouteDefinition Route { get; } = route;

    public IServiceProvider Services { get; } = services;

    /// <summary>The routes this pipeline serves (the OpenAPI document describes exactly these).</summary>
    public RouteBindings Routes { get; } = routes;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The signed-in caller; only null on public routes.</summary>
    public CallerIdentity Caller => caller ?? throw new InvalidOperationException($"{Route.Key} is public and has no caller.");

    public CallerIdentity? OptionalCaller => caller;

    public T Service<T>()
        where T : notnull =>
        (T)(Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered."));

    public bool Has(Permission permission) => caller is not null && caller.Permissions.Contains(permission);

    /// <summary>A path parameter that must look like an identifier (else 400 INVALID_ID).</summary>
    public string Id(string name)
    {
        var value = pathParameters.TryGetValue(name, out var v) ? v : throw new InvalidOperationException($"{Route.Key} has no {{{name}}}.");
        return IdPattern().IsMatch(value)
            ? value
            : throw DomainException.BadRequest(ErrorCodes.InvalidId, $"'{name}' is not a valid identifier.", new Dictionary<string, object?> { ["field"] = name });
    }

    /// <summary>An identifier that arrived outside the path (query or body), checked like a path id.</summary>
    public static string IdValue(string value, string field) =>
        value is not null && IdPattern().IsMatch(value)
            ? value
            : throw DomainException.BadRequest(ErrorCodes.InvalidId, $"'{field}' is not a valid identifier.", new Dictionary<string, object?> { ["field"] = field });

    public T Body<T>(JsonTypeInfo<T> typeInfo) => StrictJson.Bind(Request.Body, typeInfo);

    public string? Query(string name, int maxLength = 256)
    {
        if (!Request.Query.TryGetValue(name, out var value) || value.Length == 0)
        {
            return null;
        }

        return value.Length <= maxLength ? value : throw InvalidQuery(name, $"is longer than {maxLength} characters.");
    }

    public string RequiredQuery(string name, int maxLength = 256) =>
        Query(name, maxLength) ?? throw DomainException.BadRequest(ErrorCodes.MissingField, $"Query parameter '{name}' is required.", new Dictionary<string, object?> { ["field"] = name });

    public bool? QueryBool(string name) => Query(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw InvalidQuery(name, "must be true or false."),
    };

    public int Limit()
    {
        var raw = Query("limit", 8);
        if (raw is null)
        {
            return DefaultLimit;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw InvalidQuery("limit", $"must be an integer from 1 to {MaxLimit}.");
    }

    public string? NextToken() => Query("nextToken", 2048);

    /// <summary>The 12-digit account id of the <c>accountId</c> query parameter.</summary>
    public string AccountIdQuery() => AccountId(RequiredQuery("accountId", 12), "accountId");

    public string RegionQuery() => Region(RequiredQuery("region", 32), "region");

    /// <summary>An optional account filter: absent is fine, present must be valid (an empty value is not).</summary>
    public string? OptionalAccountIdQuery() =>
        Request.Query.TryGetValue("accountId", out var value) ? AccountId(value, "accountId") : null;

    /// <summary>The required accountId + region query pair: where a DRS or EC2 call goes.</summary>
    public AccountRegion Location() => new(AccountIdQuery(), RegionQuery());

    /// <summary>Who the audit trail names for this call.</summary>
    public string Actor => Caller.DisplayName;

    public string? OptionalRegionQuery() =>
        Request.Query.TryGetValue("region", out var value) ? Region(value, "region") : null;

    public static string AccountId(string value, string field) =>
        AccountPattern().IsMatch(value) ? value : throw DomainException.BadRequest(ErrorCodes.InvalidField, $"'{field}' must be a 12-digit AWS account id.", new Dictionary<string, object?> { ["field"] = field });

    public static string Region(string value, string field) =>
        RegionPattern().IsMatch(value) ? value : throw DomainException.BadRequest(ErrorCodes.InvalidField, $"'{field}' is not an AWS region name.", new Dictionary<string, object?> { ["field"] = field });

    private static DomainException InvalidQuery(string name, string problem) =>
        DomainException.BadRequest(ErrorCodes.InvalidField, $"Query parameter '{name}' {problem}", new Dictionary<string, object?> { ["field"] = name, ["problem"] = problem });

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
