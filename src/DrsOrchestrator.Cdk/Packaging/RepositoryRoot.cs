namespace DrsOrchestrator.Cdk.Packaging;

/// <summary>Finds the clone the app runs from, whatever bin/obj layout (build slots, CI) produced it.</summary>
internal static class RepositoryRoot
{
    public const string Marker = "DrsOrchestrator.sln";

    public static string Find() => Find(AppContext.BaseDirectory);

    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} above {start}: run the CDK app from inside the repository.");
    }
}
