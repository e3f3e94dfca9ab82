using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.OpenApi;

/// <summary>
/// Generates the OpenAPI 3 document from the served routes and the source-generated metadata of their
/// bodies, so the document cannot drift from what the API actually accepts.
/// </summary>
internal static class OpenApiDocument
{
    private const string SecurityScheme = "CognitoIdToken";

    public static string For(RouteBindings routes)
    {
        var schemas = new SchemaCollector();
        var buffer = new ArrayBufferWriterStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("openapi", "3.0.3");
            w.WriteStartObject("info");
            w.WriteString("title", "DRS Orchestrator API");
            w.WriteString("version", typeof(OpenApiDocument).Assembly.GetName().Version?.ToString() ?? "0.0.0");
            w.WriteString("description", "Disaster-recovery orchestration over AWS Elastic Disaster Recovery. Every response uses the success/error envelope.");
            w.WriteEndObject();
            w.WriteStartArray("servers");
            w.WriteStartObject();
            w.WriteString("url", "/");
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("paths");
            foreach (var group in routes.All.GroupBy(b => b.Route.PathTemplate))
            {
                w.WriteStartObject(group.Key);
                foreach (var binding in group)
                {
                    WriteOperation(w, binding, schemas);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();

            w.WriteStartObject("components");
            w.WriteStartObject("securitySchemes");
            w.WriteStartObject(SecurityScheme);
            w.WriteString("type", "apiKey");
            w.WriteString("in", "header");
            w.WriteString("name", "Authorization");
            w.WriteString("description", "Cognito id token (raw, as the API Gateway Cognito authorizer expects).");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("schemas");
            WriteErrorSchema(w);
            schemas.WriteAll(w);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToUtf8String();
    }

    private static void WriteOperation(Utf8JsonWriter w, RouteBinding binding, SchemaCollector schemas)
    {
        var route = binding.Route;
        w.WriteStartObject(route.Method.ToLowerInvariant());
        w.WriteString("operationId", route.OperationId);
        w.WriteString("summary", route.Summary);
        w.WriteStartArray("tags");
        w.WriteStringValue(route.Tag);
        w.WriteEndArray();
        if (route.Access == RouteAccess.Permission)
        {
            var permissions = new[] { route.Permission!.Value }.Concat(route.AlternativePermissions).Select(RolePermissions.WireName);
            w.WriteString("x-required-permission", string.Join(" | ", permissions));
        }

        if (route.Access != RouteAccess.Public)
        {
            w.WriteStartArray("security");
            w.WriteStartObject();
            w.WriteStartArray(SecurityScheme);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        else
        {
            w.WriteStartArray("security");
            w.WriteEndArray();
        }

        w.WriteStartArray("parameters");
        foreach (var name in route.PathParameterNames)
        {
            WriteParameter(w, new RouteParameter(name, ParameterLocation.Path, "string", true, $"The {name}."));
        }

        foreach (var parameter in route.QueryParameters)
        {
            WriteParameter(w, parameter);
        }

        w.WriteEndArray();

        if (binding.RequestBody is { } body)
        {
            w.WriteStartObject("requestBody");
            w.WriteBoolean("required", true);
            w.WriteStartObject("content");
            w.WriteStartObject("application/json");
            w.WritePropertyName("schema");
            schemas.WriteSchema(w, body);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartObject("responses");
        w.WriteStartObject(route.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("description", route.SuccessStatus == 204 ? "Done; no content." : "Success.");
        if (route.SuccessStatus != 204)
        {
            w.WriteStartObject("content");
            w.WriteStartObject("application/json");
            w.WriteStartObject("schema");
            if (route.PathTemplate == "/openapi.json")
            {
                w.WriteString("type", "object");
            }
            else
            {
                w.WriteString("type", "object");
                w.WriteStartArray("required");
                w.WriteStringValue("success");
                w.WriteStringValue("data");
                w.WriteEndArray();
                w.WriteStartObject("properties");
                w.WriteStartObject("success");
                w.WriteString("type", "boolean");
                w.WriteEndObject();
                w.WritePropertyName("data");
                if (binding.ResponseData is { } data)
                {
                    schemas.WriteSchema(w, data);
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteEndObject();
                }

                w.WriteStartObject("requestId");
                w.WriteString("type", "string");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        foreach (var (status, description) in ErrorStatuses(route))
        {
            w.WriteStartObject(status);
            w.WriteString("description", description);
            w.WriteStartObject("content");
            w.WriteStartObject("application/json");
            w.WriteStartObject("schema");
            w.WriteString("$ref", "#/components/schemas/ErrorEnvelope");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static IEnumerable<(string Status, string Description)> ErrorStatuses(RouteDefinition route)
    {
        if (route.Access != RouteAccess.Public)
        {
            yield return ("400", "Malformed input.");
            yield return ("401", "No identity.");
            yield return ("403", "Missing permission.");
            yield return ("404", "Not found.");
            yield return ("409", "Conflict with the current state.");
            yield return ("422", "Breaks a business rule.");
            yield return ("429", "Throttled.");
        }

        yield return ("500", "Internal error.");
    }

    private static void WriteParameter(Utf8JsonWriter w, RouteParameter parameter)
    {
        w.WriteStartObject();
        w.WriteString("name", parameter.Name);
        w.WriteString("in", parameter.In == ParameterLocation.Path ? "path" : "query");
        w.WriteBoolean("required", parameter.Required || parameter.In == ParameterLocation.Path);
        w.WriteString("description", parameter.Description);
        w.WriteStartObject("schema");
        w.WriteString("type", parameter.Type);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteErrorSchema(Utf8JsonWriter w)
    {
        w.WriteStartObject("ErrorEnvelope");
        w.WriteString("type", "object");
        w.WriteStartArray("required");
        w.WriteStringValue("success");
        w.WriteStringValue("error");
        w.WriteStringValue("requestId");
        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteStartObject("success");
        w.WriteString("type", "boolean");
        w.WriteEndObject();
        w.WriteStartObject("error");
        w.WriteString("type", "object");
        w.WriteStartArray("required");
        w.WriteStringValue("code");
        w.WriteStringValue("message");
        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteStartObject("code");
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteStartObject("message");
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteStartObject("details");
        w.WriteBoolean("nullable", true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("requestId");
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Named component schemas for object types, written once each.</summary>
    private sealed class SchemaCollector
    {
        private readonly Dictionary<string, JsonTypeInfo> objects = new(StringComparer.Ordinal);

        public void WriteSchema(Utf8JsonWriter w, JsonTypeInfo info)
        {
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            w.WriteStartObject();
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object when type != typeof(JsonElement):
                    var name = SchemaName(type);
                    objects.TryAdd(name, info);
                    w.WriteString("$ref", "#/components/schemas/" + name);
                    break;
                case JsonTypeInfoKind.Enumerable:
                    w.WriteString("type", "array");
                    w.WritePropertyName("items");
                    WriteSchema(w, info.Options.GetTypeInfo(info.ElementType!));
                    break;
                case JsonTypeInfoKind.Dictionary:
                    w.WriteString("type", "object");
                    w.WritePropertyName("additionalProperties");
                    WriteSchema(w, info.Options.GetTypeInfo(info.ElementType!));
                    break;
                default:
                    WriteScalar(w, type);
                    break;
            }

            w.WriteEndObject();
        }

        public void WriteAll(Utf8JsonWriter w)
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            while (objects.Keys.FirstOrDefault(k => !written.Contains(k)) is { } name)
            {
                written.Add(name);
                var info = objects[name];
                w.WriteStartObject(name);
                w.WriteString("type", "object");
                w.WriteBoolean("additionalProperties", false);
                var required = info.Properties.Where(p => p.IsRequired || p.AssociatedParameter is { HasDefaultValue: false }).Select(p => p.Name).ToArray();
                if (required.Length > 0)
                {
                    w.WriteStartArray("required");
                    foreach (var r in required)
                    {
                        w.WriteStringValue(r);
                    }

                    w.WriteEndArray();
                }

                w.WriteStartObject("properties");
                foreach (var property in info.Properties)
                {
                    w.WritePropertyName(property.Name);
                    WriteSchema(w, info.Options.GetTypeInfo(property.PropertyType));
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }
        }

        private static void WriteScalar(Utf8JsonWriter w, Type type)
        {
            if (type == typeof(string) || type == typeof(Guid))
            {
                w.WriteString("type", "string");
            }
            else if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            {
                w.WriteString("type", "string");
                w.WriteString("format", "date-time");
            }
            else if (type == typeof(bool))
            {
                w.WriteString("type", "boolean");
            }
            else if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            {
                w.WriteString("type", "integer");
            }
            else if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
            {
                w.WriteString("type", "number");
            }
            else if (type == typeof(TimeSpan))
            {
                w.WriteString("type", "string");
            }
            else if (type.IsEnum)
            {
                // As WireEnumConverterFactory writes them.
                w.WriteString("type", "string");
                w.WriteStartArray("enum");
                foreach (var name in Enum.GetNames(type))
                {
                    w.WriteStringValue(JsonNamingPolicy.SnakeCaseUpper.ConvertName(name));
                }

                w.WriteEndArray();
            }

            // JsonElement and anything else: any JSON value ({}).
        }

        private static string SchemaName(Type type) =>
            type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(SchemaName)) : type.Name;
    }
}
