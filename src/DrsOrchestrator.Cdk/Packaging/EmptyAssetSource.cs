namespace DrsOrchestrator.Cdk.Packaging;

/// <summary>
/// Keeps assertion tests fast: every asset is one tiny placeholder folder, so synth needs no publish.
/// Never used by <c>cdk synth</c>, which must package real code (see <see cref="PublishingAssetSource"/>).
/// </summary>
internal sealed class EmptyAssetSource : IAssetSource
{
    private readonly string directory = Create();

    public string FunctionDirectory(LambdaProject project) => directory;

    public string ConsoleDirectory() => directory;

    private static string Create()
    {
        var dir = Directory.CreateTempSubdirectory("drs-cdk-test-asset-").FullName;
        File.WriteAllText(Path.Combine(dir, "README.txt"), "Synthesized with skipPackaging=true: not deployable.");
        return dir;
    }
}
