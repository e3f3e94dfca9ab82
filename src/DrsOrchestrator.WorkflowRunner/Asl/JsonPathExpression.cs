using System.Globalization;
using System.Text.Json.Nodes;

namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>
/// A definite JSONPath (<c>$</c>, <c>$.a.b</c>, <c>$['a'][0]</c>, or <c>$$...</c> for the context
/// object). Wildcards, filters, slices and recursive descent are rejected: the definitions this runner
/// serves only need single-value reference paths, and a half-supported path would silently differ.
/// </summary>
internal sealed class JsonPathExpression
{
    private readonly IReadOnlyList<object> _segments; // string = member, int = index

    private JsonPathExpression(string text, bool isContext, IReadOnlyList<object> segments)
    {
        Text = text;
        IsContext = isContext;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>True for <c>$$</c> paths, which read the context object instead of the state input.</summary>
    public bool IsContext { get; }

    public bool IsRoot => _segments.Count == 0;

    public static JsonPathExpression Parse(string text, bool allowContext)
    {
        if (!TryParse(text, allowContext, out var path, out var error))
        {
            throw new FormatException(error);
        }

        return path;
    }

    public static bool TryParse(string text, bool allowContext, out JsonPathExpression path, out string error)
    {
        path = null!;
        error = string.Empty;
        if (string.IsNullOrEmpty(text) || text[0] != '$')
        {
            error = $"'{text}' is not a JSONPath (it must start with '$').";
            return false;
        }

        var isContext = text.StartsWith("$$", StringComparison.Ordinal);
        if (isContext && !allowContext)
        {
            error = $"'{text}': the context object ($$) is not allowed here.";
            return false;
        }

        var segments = new List<object>();
        var i = isContext ? 2 : 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                if (i + 1 < text.Length && text[i + 1] == '.')
                {
                    error = $"'{text}': recursive descent (..) is not supported.";
                    return false;
                }

                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                var name = text[start..i];
                if (name.Length == 0 || name == "*")
                {
                    error = $"'{text}': empty or wildcard member names are not supported.";
                    return false;
                }

                segments.Add(name);
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    error = $"'{text}': unclosed '['.";
                    return false;
                }

                var inner = text[(i + 1)..close];
                if (inner.Length >= 2 && inner[0] == '\'' && inner[^1] == '\'')
                {
                    segments.Add(inner[1..^1]);
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(index);
                }
                else
                {
                    error = $"'{text}': '[{inner}]' is not supported (only [n] and ['name']).";
                    return false;
                }

                i = close + 1;
            }
            else
            {
                error = $"'{text}': unexpected '{text[i]}' at position {i}.";
                return false;
            }
        }

        path = new JsonPathExpression(text, isContext, segments);
        return true;
    }

    /// <summary>Reads the value; <c>false</c> when the path does not exist (a JSON null is found).</summary>
    public bool TryEvaluate(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case string name when value is JsonObject obj && obj.TryGetPropertyValue(name, out var child):
                    value = child;
                    break;
                case int index when value is JsonArray array && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    /// <summary>ResultPath semantics: a copy of <paramref name="input"/> with <paramref name="result"/> placed at this path.</summary>
    public JsonNode? Place(JsonNode? input, JsonNode? result)
    {
        if (IsRoot)
        {
            return result?.DeepClone();
        }

        var output = input?.DeepClone() ?? new JsonObject();
        if (output is not JsonObject && _segments[0] is string)
        {
            throw new StatesErrorException(StatesErrorNames.ResultPathMatchFailure, $"Unable to apply ResultPath '{Text}' to a non-object input.");
        }

        JsonNode current = output;
        for (var i = 0; i < _segments.Count; i++)
        {
            var last = i == _segments.Count - 1;
            switch (_segments[i], current)
            {
                case (string name, JsonObject obj):
                    if (last)
                    {
                        obj[name] = result?.DeepClone();
                    }
                    else
                    {
                        if (obj[name] is not JsonNode next || next is not (JsonObject or JsonArray))
                        {
                            next = new JsonObject();
                            obj[name] = next;
                        }

                        current = next;
                    }

                    break;
                case (int index, JsonArray array) when index < array.Count:
                    if (last)
                    {
                        array[index] = result?.DeepClone();
                    }
                    else
                    {
                        current = array[index] ?? throw new StatesErrorException(StatesErrorNames.ResultPathMatchFailure, $"Unable to apply ResultPath '{Text}': null at index {index}.");
                    }

                    break;
                default:
                    throw new StatesErrorException(StatesErrorNames.ResultPathMatchFailure, $"Unable to apply ResultPath '{Text}' to the input.");
            }
        }

        return output;
    }

    public override string ToString() => Text;
}
