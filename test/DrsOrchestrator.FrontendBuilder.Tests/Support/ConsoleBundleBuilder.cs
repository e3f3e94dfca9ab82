using System.IO.Compression;
using System.Text;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>Builds a console zip shaped like CDK's asset of frontend/dist.</summary>
internal sealed class ConsoleBundleBuilder
{
    private readonly List<(string Path, string Content)> files = [];

    /// <summary>index.html, a hashed script and stylesheet, and a favicon, as a Vite build writes them.</summary>
    public static ConsoleBundleBuilder ViteBuild() => new ConsoleBundleBuilder()
        .With("index.html", "<!doctype html><script type=\"module\" src=\"/assets/index-B7xQ2kLm.js\"></script>")
        .With("assets/index-B7xQ2kLm.js", "console.log('console');")
        .With("assets/index-Cq9_wZ3a.css", "body{}")
        .With("favicon.svg", "<svg/>");

    public ConsoleBundleBuilder With(string path, string content)
    {
        files.Add((path, content));
        return this;
    }

    public ConsoleBundleBuilder Without(string path)
    {
        files.RemoveAll(f => f.Path == path);
        return this;
    }

    public byte[] BuildZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var entry = archive.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}
