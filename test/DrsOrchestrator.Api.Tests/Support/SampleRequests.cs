using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>A syntactically plausible request for any route: ids for path parameters, valid required query values.</summary>
public static class SampleRequests
{
    public const string AccountId = "100000000002";
    public const string Region = "us-east-1";

    public static ApiRequestBuilder For(RouteDefinition route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = route.PathTemplate;
        foreach (var name in route.PathParameterNames)
        {
            path = path.Replace("{" + name + "}", name == "accountId" ? AccountId : "sample-" + name, StringComparison.Ordinal);
        }

        var request = new ApiRequestBuilder().With(route.Method, path);
        foreach (var parameter in route.QueryParameters.Where(p => p.Required))
        {
            request.WithQuery(parameter.Name, parameter.Name switch
            {
                "accountId" => AccountId,
                "region" => Region,
                "ids" => "sample-id",
                _ => "x",
            });
        }

        return route.RequestType is null ? request : request.WithBody("{}");
    }
}
