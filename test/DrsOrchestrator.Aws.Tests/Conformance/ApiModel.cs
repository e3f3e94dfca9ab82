using System.Text.Json;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>An official AWS API model (aws-sdk v2's apis/*.min.json), the ground truth for wire shapes.</summary>
internal sealed class ApiModel
{
    private static readonly Dictionary<string, ApiModel> Cache = [];
    private readonly JsonElement root;

    private ApiModel(JsonElement root) => this.root = root;

    public JsonElement Metadata => root.GetProperty("metadata");

    public static ApiModel Load(string serviceId)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(serviceId, out var model))
            {
                var apis = Path.Combine(RepositoryRoot(), "tools", "node_modules", "aws-sdk", "apis");
                var file = Directory.GetFiles(apis, $"{serviceId}-*.min.json")
                    .Where(f => char.IsDigit(Path.GetFileName(f)[serviceId.Length + 1]))
                    .OrderDescending(StringComparer.Ordinal)
                    .FirstOrDefault() ?? throw new FileNotFoundException($"No model for {serviceId} in {apis}");
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                model = new ApiModel(document.RootElement.Clone());
                Cache[serviceId] = model;
            }

            return model;
        }
    }

    public bool HasOperation(string name) => root.GetProperty("operations").TryGetProperty(name, out _);

    public JsonElement Operation(string name) =>
        root.GetProperty("operations").TryGetProperty(name, out var op) ? op : throw new KeyNotFoundException($"Operation {name} is not in the model.");

    public string HttpMethod(string operation) =>
        Operation(operation).TryGetProperty("http", out var http) && http.TryGetProperty("method", out var method) ? method.GetString()! : "POST";

    public string RequestUri(string operation) =>
        Operation(operation).TryGetProperty("http", out var http) && http.TryGetProperty("requestUri", out var uri) ? uri.GetString()! : "/";

    public JsonElement? Input(string operation) => Operation(operation).TryGetProperty("input", out var input) ? Resolve(input) : null;

    public JsonElement? Output(string operation) => Operation(operation).TryGetProperty("output", out var output) ? Resolve(output) : null;

    /// <summary>Follows a {"shape": "Sx"} reference to the shared shape.</summary>
    public JsonElement Resolve(JsonElement shape)
    {
        while (shape.TryGetProperty("shape", out var reference))
        {
            shape = root.GetProperty("shapes").GetProperty(reference.GetString()!);
        }

        return shape;
    }

    public static string TypeOf(JsonElement shape) =>
        shape.TryGetProperty("type", out var type) ? type.GetString()! : "string";

    public static IEnumerable<(string Name, JsonElement Member)> Members(JsonElement structure) =>
        structure.TryGetProperty("members", out var members)
            ? members.EnumerateObject().Select(p => (p.Name, p.Value))
            : [];

    public static string? Location(JsonElement member) =>
        member.TryGetProperty("location", out var location) ? location.GetString() : null;

    public static string LocationName(string name, JsonElement member) =>
        member.TryGetProperty("locationName", out var locationName) ? locationName.GetString()! : name;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrsOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DrsOrchestrator.sln not found above " + AppContext.BaseDirectory);
    }
}
