using System.IO.Compression;

namespace DrsOrchestrator.Functions.FrontendBuilder.Publishing;

/// <summary>The console build as CDK zipped it (frontend/dist, files at the root of the archive).</summary>
internal static class ConsoleBundle
{
    /// <summary>Guards the Lambda's memory and /tmp-less design against a wrong asset (e.g. node_modules).</summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    /// <summary>Reads every file into memory with its bucket key; refuses archives that escape the root or lack index.html.</summary>
    public static IReadOnlyList<(string Key, byte[] Content)> Read(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new ConsoleDeploymentException($"The console bundle is not a zip archive: {e.Message}");
        }

        using (archive)
        {
            var files = new List<(string, byte[])>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var key = entry.FullName.Replace('\\', '/');
                if (key.EndsWith('/'))
                {
                    continue;
                }

                if (key.StartsWith('/') || key.Split('/').Any(part => part is "" or "." or ".."))
                {
                    throw new ConsoleDeploymentException($"The console bundle holds an unsafe path '{entry.FullName}'.");
                }

                total += entry.Length;
                if (total > MaxUncompressedBytes)
                {
                    throw new ConsoleDeploymentException($"The console bundle unpacks to more than {MaxUncompressedBytes / (1024 * 1024)} MiB; is the asset the built console?");
                }

                if (!keys.Add(key))
                {
                    throw new ConsoleDeploymentException($"The console bundle holds '{key}' twice.");
                }

                using var content = entry.Open();
                using var buffer = new MemoryStream();
                content.CopyTo(buffer);
                files.Add((key, buffer.ToArray()));
            }

            if (!keys.Contains(SiteObjectPolicy.IndexDocument))
            {
                throw new ConsoleDeploymentException("The console bundle has no index.html at its root; was the console built?");
            }

            return files;
        }
    }
}
