using System.Text.Json;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>The official CloudFront API model (aws-sdk v2's apis/cloudfront-2020-05-31.min.json): the ground truth for the wire shape.</summary>
internal sealed class CloudFrontModel
{
    private static readonly Lazy<CloudFrontModel> Shared = new(() =>
    {
        var file = Path.Combine(RepositoryRoot(), "tools", "node_modules", "aws-sdk", "apis", "cloudfront-2020-05-31.min.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return new CloudFrontModel(document.RootElement.Clone());
    });

    private readonly JsonElement root;

    private CloudFrontModel(JsonElement root) => this.root = root;

    public static CloudFrontModel Instance => Shared.Value;

    public JsonElement Metadata => root.GetProperty("metadata");

    public JsonElement Operation(string name) => root.GetProperty("operations").GetProperty(name);

    /// <summary>Follows {"shape": "Sx"} references to the shared shape.</summary>
    public JsonElement Resolve(JsonElement shape)
    {
        while (shape.TryGetProperty("shape", out var reference))
        {
            shape = root.GetProperty("shapes").GetProperty(reference.GetString()!);
        }

        return shape;
    }

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
