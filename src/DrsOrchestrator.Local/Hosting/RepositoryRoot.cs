namespace DrsOrchestrator.Local.Hosting;

/// <summary>The folder holding DrsOrchestrator.sln, found by walking up from the running assembly.</summary>
public static class RepositoryRoot
{
    /// <exception cref="InvalidOperationException">No ancestor of <paramref name="start"/> holds the solution file.</exception>
    public static string Find(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DrsOrchestrator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"The repository root (the folder with DrsOrchestrator.sln) was not found above {start ?? AppContext.BaseDirectory}.");
    }
}
