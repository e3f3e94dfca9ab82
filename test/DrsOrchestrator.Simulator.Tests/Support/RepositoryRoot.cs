namespace DrsOrchestrator.Simulator.Tests.Support;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string ApiModel(string name) =>
        System.IO.Path.Combine(Path, "tools", "node_modules", "aws-sdk", "apis", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DrsOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DrsOrchestrator.sln not found above " + AppContext.BaseDirectory);
    }
}
