using System.Text.Json.Nodes;

namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>
/// A Parameters or ResultSelector object: keys ending in <c>.$</c> take the value of a path (the state
/// input, or the context object for <c>$$</c>); other values are copied. Paths are parsed at load time.
/// </summary>
internal sealed class PayloadTemplate
{
    private readonly JsonNode _template;
    private readonly Dictionary<string, JsonPathExpression> _paths;

    private PayloadTemplate(JsonNode template, Dictionary<string, JsonPathExpression> paths)
    {
        _template = template;
        _paths = paths;
    }

    /// <summary>Path texts used with <c>$$</c>, so the validator can check the context fields exist.</summary>
    public IEnumerable<JsonPathExpression> Paths => _paths.Values;

    public static PayloadTemplate Parse(JsonNode template, string where, bool allowContext, ICollection<string> errors)
    {
        var paths = new Dictionary<string, JsonPathExpression>(StringComparer.Ordinal);
        Collect(template, where, allowContext, paths, errors);
        return new PayloadTemplate(template.DeepClone(), paths);
    }

    public JsonNode Resolve(JsonNode? input, JsonNode context) => Resolve(_template, input, context)!;

    private static void Collect(JsonNode? node, string where, bool allowContext, Dictionary<string, JsonPathExpression> paths, ICollection<string> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                        if (text is null)
                        {
                            errors.Add($"{where}.{key}: a '.$' key needs a string path.");
                        }
                        else if (!text.StartsWith('$'))
                        {
                            errors.Add($"{where}.{key}: '{text}' is not supported (intrinsic functions are not implemented by the local runner).");
                        }
                        else if (JsonPathExpression.TryParse(text, allowContext, out var path, out var error))
                        {
                            paths[text] = path;
                        }
                        else
                        {
                            errors.Add($"{where}.{key}: {error}");
                        }
                    }
                    else
                    {
                        Collect(value, $"{where}.{key}", allowContext, paths, errors);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], $"{where}[{i}]", allowContext, paths, errors);
                }

                break;
        }
    }

    private JsonNode? Resolve(JsonNode? template, JsonNode? input, JsonNode context)
    {
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        var path = _paths[value!.GetValue<string>()];
                        if (!path.TryEvaluate(path.IsContext ? context : input, out var found))
                        {
                            throw new StatesErrorException(
                                StatesErrorNames.Runtime,
                                $"The JSONPath '{path.Text}' specified for the field '{key}' could not be found in the input.");
                        }

                        result[key[..^2]] = found?.DeepClone();
                    }
                    else
                    {
                        result[key] = Resolve(value, input, context);
                    }
                }

                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Resolve(item, input, context));
                }

                return items;
            default:
                return template?.DeepClone();
        }
    }
}
