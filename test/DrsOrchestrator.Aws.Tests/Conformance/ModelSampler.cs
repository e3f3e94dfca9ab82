using System.Text.Json.Nodes;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>Builds a response body that fills every body member of a model shape, as a fully populated service answer would.</summary>
internal sealed class ModelSampler(ApiModel model)
{
    private const int MaxDepth = 8;

    public JsonNode? Sample(System.Text.Json.JsonElement shape, string name = "value", int depth = 0)
    {
        shape = model.Resolve(shape);
        switch (ApiModel.TypeOf(shape))
        {
            case "structure":
                var obj = new JsonObject();
                if (depth >= MaxDepth)
                {
                    return obj;
                }

                foreach (var (memberName, member) in ApiModel.Members(shape).Where(m => ApiModel.Location(m.Member) is null))
                {
                    obj[ApiModel.LocationName(memberName, member)] = Sample(member, memberName, depth + 1);
                }

                return obj;
            case "list":
                return depth >= MaxDepth ? new JsonArray() : new JsonArray(Sample(shape.GetProperty("member"), name, depth + 1));
            case "map":
                return depth >= MaxDepth ? new JsonObject() : new JsonObject { ["sample-key"] = Sample(shape.GetProperty("value"), name, depth + 1) };
            case "boolean":
                return JsonValue.Create(true);
            case "integer" or "long":
                return JsonValue.Create(1);
            case "double" or "float":
                return JsonValue.Create(1.5);
            case "timestamp":
                return JsonValue.Create(1_600_000_000);
            default:
                return JsonValue.Create(name.Contains("DateTime", StringComparison.OrdinalIgnoreCase) || name.Contains("Date", StringComparison.Ordinal) || name.Contains("Timestamp", StringComparison.OrdinalIgnoreCase)
                    ? "2024-05-01T10:00:00Z"
                    : $"sample-{name}");
        }
    }
}
