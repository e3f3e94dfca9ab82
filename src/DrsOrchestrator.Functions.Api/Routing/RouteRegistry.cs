using System.Text.Json.Serialization.Metadata;

namespace DrsOrchestrator.Functions.Api.Routing;

internal sealed class RouteRegistry
{
    private readonly Dictionary<string, RouteBinding> bindings = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RouteBinding> Bindings => bindings.Values;

    /// <summary>Binds a handler to a catalog route; a route outside the catalog or bound twice is a programming error.</summary>
    public void Bind(string method, string pathTemplate, RouteHandler handler, JsonTypeInfo? requestBody = null, JsonTypeInfo? responseData = null)
    {
        var route = RouteTable.Find(method, pathTemplate);
        if (!bindings.TryAdd(route.Key, new RouteBinding(route, handler, requestBody, responseData)))
        {
            throw new InvalidOperationException($"{route.Key} is bound twice.");
        }
    }
}
