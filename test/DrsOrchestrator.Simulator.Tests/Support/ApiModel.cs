using System.Text.Json.Nodes;

namespace DrsOrchestrator.Simulator.Tests.Support;

/// <summary>The official API model (aws-sdk v2 apis/*.min.json) and a checker for response JSON against its shapes.</summary>
internal sealed class ApiModel
{
    private readonly JsonNode _model;

    private ApiModel(JsonNode model) => _model = model;

    public static ApiModel Load(string fileName) => new(JsonNode.Parse(File.ReadAllText(RepositoryRoot.ApiModel(fileName)))!);

    public JsonNode Operation(string name) => _model["operations"]![name] ?? throw new ArgumentException("No operation " + name);

    public string Method(string operation) => Operation(operation)["http"]!["method"]?.GetValue<string>() ?? "POST";

    public string RequestUri(string operation) => Operation(operation)["http"]!["requestUri"]!.GetValue<string>();

    public int ResponseCode(string operation) => Operation(operation)["http"]!["responseCode"]?.GetValue<int>() ?? 200;

    /// <summary>Every member of <paramref name="json"/>, at any depth, that the operation's output shape does not declare.</summary>
    public IReadOnlyList<string> UndeclaredMembers(string operation, JsonNode json)
    {
        var problems = new List<string>();
        var output = Operation(operation)["output"];
        if (output is null)
        {
            if (json is JsonObject { Count: > 0 })
            {
                problems.Add("$: operation has no output but the response has members");
            }

            return problems;
        }

        Check(output, json, "$", problems);
        return problems;
    }

    private JsonNode Resolve(JsonNode shape) =>
        shape["shape"] is { } reference ? Resolve(_model["shapes"]![reference.GetValue<string>()]!) : shape;

    private void Check(JsonNode shapeRef, JsonNode? json, string path, List<string> problems)
    {
        if (json is null)
        {
            return;
        }

        var shape = Resolve(shapeRef);
        var type = shape["type"]?.GetValue<string>() ?? "string";
        switch (type)
        {
            case "structure":
                if (json is not JsonObject obj)
                {
                    problems.Add($"{path}: expected an object");
                    return;
                }

                foreach (var (name, value) in obj)
                {
                    if (shape["members"]?[name] is { } member)
                    {
                        Check(member, value, $"{path}.{name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{name}: not in the model");
                    }
                }

                break;
            case "list":
                if (json is not JsonArray array)
                {
                    problems.Add($"{path}: expected an array");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(shape["member"]!, array[i], $"{path}[{i}]", problems);
                }

                break;
            case "map":
                if (json is not JsonObject map)
                {
                    problems.Add($"{path}: expected a map");
                    return;
                }

                foreach (var (key, value) in map)
                {
                    Check(shape["value"]!, value, $"{path}[{key}]", problems);
                }

                break;
            case "boolean":
                if (json.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean");
                }

                break;
            case "integer" or "long":
                if (json.GetValueKind() != System.Text.Json.JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number");
                }

                break;
            default:
                if (json.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string");
                }

                break;
        }
    }
}
