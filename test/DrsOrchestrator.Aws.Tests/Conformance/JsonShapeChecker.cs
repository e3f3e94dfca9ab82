using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>Checks JSON bodies and the client's wire types against a model shape, collecting every mismatch.</summary>
internal sealed class JsonShapeChecker(ApiModel model)
{
    /// <summary>Every member of a sent JSON body exists in the shape (body members only), recursively, with a compatible type.</summary>
    public List<string> CheckSent(JsonElement value, JsonElement shape, string path)
    {
        var problems = new List<string>();
        CheckValue(value, model.Resolve(shape), path, problems);
        return problems;
    }

    /// <summary>Every JSON member name the client's wire type reads exists in the shape, recursively.</summary>
    public List<string> CheckRead(Type wireType, JsonElement shape, string path)
    {
        var problems = new List<string>();
        CheckType(wireType, model.Resolve(shape), path, problems, []);
        return problems;
    }

    private void CheckValue(JsonElement value, JsonElement shape, string path, List<string> problems)
    {
        var type = ApiModel.TypeOf(shape);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when type == "structure":
                var members = ApiModel.Members(shape).Where(m => ApiModel.Location(m.Member) is null).ToDictionary(m => ApiModel.LocationName(m.Name, m.Member), m => m.Member);
                foreach (var property in value.EnumerateObject())
                {
                    if (members.TryGetValue(property.Name, out var member))
                    {
                        CheckValue(property.Value, model.Resolve(member), $"{path}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{property.Name} is not a member of the model shape");
                    }
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (members.ContainsKey(name) && !value.TryGetProperty(name, out _))
                        {
                            problems.Add($"{path}.{name} is required by the model but was not sent");
                        }
                    }
                }

                break;
            case JsonValueKind.Object when type == "map":
                foreach (var property in value.EnumerateObject())
                {
                    CheckValue(property.Value, model.Resolve(shape.GetProperty("value")), $"{path}[{property.Name}]", problems);
                }

                break;
            case JsonValueKind.Array when type == "list":
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(item, model.Resolve(shape.GetProperty("member")), $"{path}[{index++}]", problems);
                }

                break;
            case JsonValueKind.String when type is "string" or "timestamp" or "blob":
            case JsonValueKind.Number when type is "integer" or "long" or "double" or "float" or "timestamp":
            case JsonValueKind.True or JsonValueKind.False when type == "boolean":
                break;
            default:
                problems.Add($"{path} is JSON {value.ValueKind} but the model says {type}");
                break;
        }
    }

    private void CheckType(Type wireType, JsonElement shape, string path, List<string> problems, HashSet<Type> seen)
    {
        var type = ApiModel.TypeOf(shape);
        if (IsScalar(wireType))
        {
            return;
        }

        if (IsDictionary(wireType, out var valueType))
        {
            if (type != "map")
            {
                problems.Add($"{path} is read as a map but the model says {type}");
                return;
            }

            CheckType(valueType, model.Resolve(shape.GetProperty("value")), path + "[*]", problems, seen);
            return;
        }

        if (IsList(wireType, out var itemType))
        {
            if (type != "list")
            {
                problems.Add($"{path} is read as a list but the model says {type}");
                return;
            }

            CheckType(itemType, model.Resolve(shape.GetProperty("member")), path + "[*]", problems, seen);
            return;
        }

        if (type != "structure")
        {
            problems.Add($"{path} is read as an object ({wireType.Name}) but the model says {type}");
            return;
        }

        if (!seen.Add(wireType))
        {
            return;
        }

        var members = ApiModel.Members(shape).Where(m => ApiModel.Location(m.Member) is null).ToDictionary(m => ApiModel.LocationName(m.Name, m.Member), m => m.Member);
        foreach (var property in wireType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "EqualityContract")
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{wireType.Name}.{property.Name} has no JsonPropertyName");
            if (!members.TryGetValue(name, out var member))
            {
                problems.Add($"{path}.{name} ({wireType.Name}.{property.Name}) is not a member of the model shape");
                continue;
            }

            CheckType(property.PropertyType, model.Resolve(member), $"{path}.{name}", problems, seen);
        }

        seen.Remove(wireType);
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t.IsEnum;
    }

    private static bool IsDictionary(Type type, out Type valueType)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>))
            ? type
            : null;
        valueType = dictionary?.GetGenericArguments()[1] ?? typeof(object);
        return dictionary is not null;
    }

    private static bool IsList(Type type, out Type itemType)
    {
        itemType = typeof(object);
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null)
        {
            return false;
        }

        itemType = enumerable.GetGenericArguments()[0];
        return true;
    }
}
