using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Functions.Api.Json;

/// <summary>
/// Binds a body to a source-generated type and refuses anything the type does not describe: the
/// serializer alone would ignore unknown members and report every problem with one exception type, but
/// callers need to know which field and why, under a stable code.
/// </summary>
internal static class StrictJson
{
    public const int MaxBodyChars = 1024 * 1024;
    public const int MaxStringLength = 4096;
    public const int MaxArrayLength = 10_000;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static T Bind<T>(string? body, JsonTypeInfo<T> typeInfo)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw DomainException.BadRequest(ErrorCodes.InvalidRequest, "A JSON request body is required.");
        }

        if (body.Length > MaxBodyChars)
        {
            throw DomainException.BadRequest(ErrorCodes.InvalidRequest, $"The request body exceeds {MaxBodyChars} characters.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw DomainException.BadRequest(ErrorCodes.InvalidJson, "The request body is not valid JSON.", Details("$", ex.Message));
        }

        using (document)
        {
            Check(document.RootElement, typeInfo, "$");
            try
            {
                return document.RootElement.Deserialize(typeInfo)
                    ?? throw DomainException.BadRequest(ErrorCodes.InvalidField, "The request body must be a JSON object.", Details("$", "null"));
            }
            catch (JsonException ex)
            {
                throw Invalid(ex.Path ?? "$", "has the wrong type or an invalid value.");
            }
            catch (InvalidOperationException ex)
            {
                throw Invalid("$", ex.Message);
            }
        }
    }

    private static void Check(JsonElement element, JsonTypeInfo typeInfo, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return; // nullability is enforced by the serializer (RespectNullableAnnotations)
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(element, typeInfo, path);
                break;
            case JsonTypeInfoKind.Enumerable:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    throw Invalid(path, "must be an array.");
                }

                if (element.GetArrayLength() > MaxArrayLength)
                {
                    throw Invalid(path, $"has more than {MaxArrayLength} items.");
                }

                var item = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                var index = 0;
                foreach (var child in element.EnumerateArray())
                {
                    Check(child, item, $"{path}[{index++}]");
                }

                break;
            case JsonTypeInfoKind.Dictionary:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(path, "must be an object.");
                }

                var value = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                var count = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (++count > MaxArrayLength)
                    {
                        throw Invalid(path, $"has more than {MaxArrayLength} entries.");
                    }

                    CheckString(property.Name, $"{path}.{property.Name}");
                    Check(property.Value, value, $"{path}.{property.Name}");
                }

                break;
            default:
                if (element.ValueKind == JsonValueKind.String)
                {
                    CheckString(element.GetString()!, path);
                }
                else if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array && typeInfo.Type != typeof(JsonElement))
                {
                    throw Invalid(path, "must be a single value.");
                }

                break;
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "must be an object.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var member = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
            var memberPath = $"{path}.{property.Name}";
            if (member is null)
            {
                throw DomainException.BadRequest(ErrorCodes.UnknownField, $"Unknown field '{memberPath}'.", Details(memberPath, "unknown"));
            }

            if (!seen.Add(property.Name))
            {
                throw Invalid(memberPath, "appears twice.");
            }

            Check(property.Value, typeInfo.Options.GetTypeInfo(member.PropertyType), memberPath);
        }

        foreach (var member in typeInfo.Properties)
        {
            var required = member.IsRequired || member.AssociatedParameter is { HasDefaultValue: false };
            if (required && !seen.Contains(member.Name))
            {
                var memberPath = $"{path}.{member.Name}";
                throw DomainException.BadRequest(ErrorCodes.MissingField, $"Missing field '{memberPath}'.", Details(memberPath, "missing"));
            }
        }
    }

    private static void CheckString(string value, string path)
    {
        if (value.Length > MaxStringLength)
        {
            throw Invalid(path, $"is longer than {MaxStringLength} characters.");
        }
    }

    private static DomainException Invalid(string path, string problem) =>
        DomainException.BadRequest(ErrorCodes.InvalidField, $"Field '{path}' {problem}", Details(path, problem));

    private static Dictionary<string, object?> Details(string field, string problem) => new() { ["field"] = field, ["problem"] = problem };
}
