using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace DrsOrchestrator.Cdk.Packaging;

/// <summary>
/// Packages without Docker: <c>dotnet publish</c> (Release, linux-arm64, framework-dependent for the
/// managed dotnet10 runtime) into artifacts/lambda/&lt;project&gt;, and <c>npm run build</c> for the
/// console. A content hash of the sources is stamped next to each output, so a synth after no change
/// publishes nothing.
/// </summary>
internal sealed class PublishingAssetSource(string repositoryRoot, TextWriter log) : IAssetSource
{
    // The CDK app itself is no function's dependency: editing a stack must not republish the functions.
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "dist", ".build", "DrsOrchestrator.Cdk"];

    public string FunctionDirectory(LambdaProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var output = Path.Combine(repositoryRoot, "artifacts", "lambda", project.AssemblyName);
        var hash = SourceHash(
            [Path.Combine(repositoryRoot, "src")],
            [".cs", ".csproj", ".props", ".json"],
            ["Directory.Build.props", "Directory.Packages.props", "global.json"]);
        if (IsCurrent(output, hash))
        {
            return output;
        }

        log.WriteLine($"Publishing {project.AssemblyName} (linux-arm64, Release)...");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Run("dotnet", ["publish", project.ProjectFile(repositoryRoot), "-c", "Release", "-r", "linux-arm64",
            "--self-contained", "false", "-p:UseAppHost=false", "-o", output, "-nologo", "-v:q", "-p:GenerateRuntimeConfigurationFiles=true"],
            repositoryRoot);
        var handlerAssembly = Path.Combine(output, project.AssemblyName + ".dll");
        if (!File.Exists(handlerAssembly))
        {
            throw new InvalidOperationException($"dotnet publish produced no {handlerAssembly}.");
        }

        Stamp(output, hash);
        return output;
    }

    public string ConsoleDirectory()
    {
        var frontend = Path.Combine(repositoryRoot, "frontend");
        var dist = Path.Combine(frontend, "dist");
        var hash = SourceHash([frontend], [".ts", ".tsx", ".css", ".html", ".json", ".svg", ".mjs", ".js"], []);
        if (IsCurrent(dist, hash) && File.Exists(Path.Combine(dist, "index.html")))
        {
            return dist;
        }

        log.WriteLine("Building the console (npm run build)...");
        if (!Directory.Exists(Path.Combine(frontend, "node_modules")))
        {
            Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], frontend);
        }

        Run("npm", ["run", "build"], frontend);
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException("npm run build produced no frontend/dist/index.html.");
        }

        Stamp(dist, hash);
        return dist;
    }

    private static bool IsCurrent(string output, string hash)
    {
        var stamp = Path.Combine(output, ".source-hash");
        return File.Exists(stamp) && File.ReadAllText(stamp) == hash;
    }

    private static void Stamp(string output, string hash) =>
        File.WriteAllText(Path.Combine(output, ".source-hash"), hash);

    private string SourceHash(string[] roots, string[] extensions, string[] rootFiles)
    {
        var files = roots
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(repositoryRoot, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
            .Concat(rootFiles.Select(f => Path.Combine(repositoryRoot, f)).Where(File.Exists))
            .Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(repositoryRoot, file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private void Run(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CDK CLI reads the app's stdout only for diagnostics, but keep child output on stderr
        // so nothing can be mistaken for synth output.
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):{Environment.NewLine}{output}");
        }

        log.Write(output);
    }
}
