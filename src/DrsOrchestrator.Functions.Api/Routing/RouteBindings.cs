using System.Reflection;

namespace DrsOrchestrator.Functions.Api.Routing;

/// <summary>The served routes: catalog entries with a handler, and the matcher over them.</summary>
internal sealed class RouteBindings
{
    private readonly RouteBinding[] bindings;
    private readonly string[][] segments;

    public RouteBindings(IEnumerable<RouteBinding> bindings)
    {
        // Catalog order keeps the OpenAPI document and the served list stable.
        var order = RouteTable.All.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        this.bindings = bindings.OrderBy(b => order[b.Route.Key]).ToArray();
        segments = this.bindings.Select(b => Split(b.Route.PathTemplate)).ToArray();
        Served = this.bindings.Select(b => b.Route).ToArray();
    }

    public static RouteBindings Default { get; } = Discover(typeof(RouteBindings).Assembly);

    public IReadOnlyList<RouteDefinition> Served { get; }

    public IReadOnlyList<RouteBinding> All => bindings;

    public static RouteBindings Discover(Assembly assembly)
    {
        var registry = new RouteRegistry();
        var modules = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRouteModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in modules)
        {
            ((IRouteModule)Activator.CreateInstance(type)!).Map(registry);
        }

        return new RouteBindings(registry.Bindings);
    }

    /// <summary>The best match for a method and path; literal segments beat parameters (as API Gateway does).</summary>
    public RouteMatch? Match(string method, string path) => Match(path, b => string.Equals(b.Route.Method, method, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether some served route has this path under another method (405 rather than 404).</summary>
    public bool PathExists(string path) => Match(path, _ => true) is not null;

    private RouteMatch? Match(string path, Func<RouteBinding, bool> accept)
    {
        var parts = Split(path);
        RouteMatch? best = null;
        var bestLiterals = -1;
        for (var i = 0; i < bindings.Length; i++)
        {
            var template = segments[i];
            if (template.Length != parts.Length || !accept(bindings[i]))
            {
                continue;
            }

            var literals = 0;
            Dictionary<string, string>? values = null;
            var ok = true;
            for (var s = 0; s < template.Length && ok; s++)
            {
                var t = template[s];
                if (t.StartsWith('{'))
                {
                    values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    values[t[1..^1]] = Uri.UnescapeDataString(parts[s]);
                }
                else if (string.Equals(t, parts[s], StringComparison.Ordinal))
                {
                    literals++;
                }
                else
                {
                    ok = false;
                }
            }

            if (ok && literals > bestLiterals)
            {
                bestLiterals = literals;
                best = new RouteMatch(bindings[i], values ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>());
            }
        }

        return best;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
