using System.Text.RegularExpressions;

namespace DrsOrchestrator.Functions.FrontendBuilder.Publishing;

/// <summary>Content-Type and Cache-Control per console file.</summary>
internal static partial class SiteObjectPolicy
{
    /// <summary>Must be fetched fresh on every load: they name the current asset hashes and the API to call.</summary>
    public const string NoCache = "no-cache, no-store, must-revalidate";

    /// <summary>A content hash in the name means the bytes behind the name never change.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Unhashed files (favicon, robots.txt) may change under the same name: revalidate by ETag.</summary>
    public const string Revalidate = "public, max-age=0, must-revalidate";

    public const string IndexDocument = "index.html";

    public const string ConfigDocument = "aws-config.json";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".map"] = "application/json; charset=utf-8",
        [".webmanifest"] = "application/manifest+json",
        [".txt"] = "text/plain; charset=utf-8",
        [".xml"] = "application/xml",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".eot"] = "application/vnd.ms-fontobject",
        [".wasm"] = "application/wasm",
        [".pdf"] = "application/pdf",
    };

    public static string ContentTypeOf(string key) =>
        ContentTypes.TryGetValue(Path.GetExtension(key), out var type) ? type : "application/octet-stream";

    public static string CacheControlOf(string key)
    {
        if (key == ConfigDocument || key.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            return NoCache;
        }

        // Vite writes only content-hashed bundles into assets/ (name-XXXXXXXX.ext); public/ files keep their names.
        return key.StartsWith("assets/", StringComparison.Ordinal) && HashedName().IsMatch(key) ? Immutable : Revalidate;
    }

    public static bool IsDocument(string key) => key.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[-.][A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$")]
    private static partial Regex HashedName();
}
