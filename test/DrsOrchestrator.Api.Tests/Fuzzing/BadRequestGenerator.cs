using System.Text.Json.Serialization.Metadata;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Api.Tests.Fuzzing;

/// <summary>
/// Generates malformed requests for a route from its metadata: broken JSON, wrong types, missing and
/// unknown fields (from the bound body type), oversized strings, invalid ids and query values.
/// </summary>
internal static class BadRequestGenerator
{
    private static readonly string[] BadJson =
    [
        "{", "}", "[", "nul", "{\"a\":}", "{'name':'x'}", "{\"name\":\"x\",}", "/* c */{}", "\u0000", "{\"name\":\"\\x\"}",
        "[]", "\"text\"", "42", "true", "null", "{}{}", "{\"a\":1}garbage",
        new string('[', 200) + new string(']', 200),
    ];

    private static readonly string[] WrongValues =
    [
        "123", "-1.5e400", "true", "\"\"", "\"text\"", "[]", "[1,2]", "{}", "{\"x\":1}", "null", "\"" + new string('x', 5000) + "\"",
    ];

    private static readonly string[] BadIds = ["%20", "a%2Fb", "..", "-start", new string('a', 200), "%E2%9C%93", "id%00", "a b", "a;drop"];

    public static IEnumerable<(string Label, ApiRequestBuilder Request)> For(RouteBinding binding)
    {
        var route = binding.Route;
        var cases = new List<(string, ApiRequestBuilder)>();

        if (binding.RequestBody is { } body)
        {
            foreach (var json in BadJson)
            {
                cases.Add(("json " + Short(json), Valid(route).WithBody(json)));
            }

            cases.Add(("empty body", Valid(route).WithBody("")));
            cases.Add(("huge body", Valid(route).WithBody("{\"x\":\"" + new string('y', 1_100_000) + "\"}")));
            var fields = body.Properties.Select(p => p.Name).ToArray();
            foreach (var field in fields)
            {
                foreach (var value in WrongValues)
                {
                    cases.Add(($"{field}={Short(value)}", Valid(route).WithBody(ObjectWith(fields, field, value))));
                }
            }

            cases.Add(("unknown field", Valid(route).WithBody("{\"definitelyNotAField\":1}")));
            cases.Add(("unknown nested", Valid(route).WithBody("{\"" + (fields.FirstOrDefault() ?? "x") + "\":{\"zz\":1}}")));
            cases.Add(("duplicate", Valid(route).WithBody("{\"a\":1,\"a\":2}")));
            cases.Add(("deep", Valid(route).WithBody(new string('[', 64) + new string(']', 64))));
        }

        foreach (var name in route.PathParameterNames)
        {
            foreach (var bad in BadIds)
            {
                cases.Add(($"path {name}={Short(bad)}", Valid(route, (name, bad))));
            }
        }

        foreach (var parameter in route.QueryParameters)
        {
            var values = parameter.Name switch
            {
                "limit" => new[] { "0", "-1", "101", "abc", "1.5", "99999999999", "" + new string('9', 50) },
                "nextToken" => ["not-a-token", "%%%", new string('A', 3000), "eyJ9", "null"],
                "accountId" => ["abc", "12345", "1234567890123", "12345678901x", ""],
                "region" => ["US-EAST-1", "mars", "us_east_1", new string('r', 100)],
                _ when parameter.Type == "boolean" => ["yes", "1", "TRUE"],
                _ => [new string('q', 5000)],
            };
            foreach (var value in values)
            {
                cases.Add(($"query {parameter.Name}={Short(value)}", Valid(route).WithQuery(parameter.Name, value)));
            }
        }

        // Top up to at least 50 with oversized and wrongly typed variants of whatever the route takes.
        var n = 0;
        while (cases.Count < 50)
        {
            var filler = n++;
            cases.Add(binding.RequestBody is not null
                ? ($"filler body {filler}", Valid(route).WithBody("{\"name\":" + WrongValues[filler % WrongValues.Length] + ",\"filler" + filler + "\":true}"))
                : route.PathParameterNames.Count > 0
                    ? ($"filler id {filler}", Valid(route, (route.PathParameterNames[0], new string('z', 129 + filler))))
                    : ($"filler query {filler}", Valid(route).WithQuery("limit", (-filler).ToString(System.Globalization.CultureInfo.InvariantCulture) + "x")));
        }

        return cases;
    }

    private static ApiRequestBuilder Valid(RouteDefinition route, (string Name, string Value)? overridePath = null)
    {
        var request = SampleRequests.For(route);
        if (overridePath is { } o)
        {
            var path = route.PathTemplate;
            foreach (var name in route.PathParameterNames)
            {
                path = path.Replace("{" + name + "}", name == o.Name ? o.Value : "sample-" + name, StringComparison.Ordinal);
            }

            request.With(route.Method, path);
        }

        return request;
    }

    private static string ObjectWith(string[] fields, string field, string value) =>
        "{" + string.Join(',', fields.Where(f => f == field).Select(f => $"\"{f}\":{value}")) + "}";

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…(" + text.Length + ")";
}
