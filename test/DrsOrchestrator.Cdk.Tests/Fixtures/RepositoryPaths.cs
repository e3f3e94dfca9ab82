using DrsOrchestrator.Cdk.Packaging;

namespace DrsOrchestrator.Cdk.Tests.Fixtures;

internal static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
