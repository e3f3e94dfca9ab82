namespace DrsOrchestrator.Aws.Persistence.Local;

/// <param name="EmulatorDirectory">The folder with DynamoDBLocal.jar and DynamoDBLocal_lib (tools/node_modules/amplify-dynamodb-simulator/emulator).</param>
/// <param name="DataDirectory">Where to keep a persistent database; null keeps everything in memory.</param>
/// <param name="Port">Loopback port; 0 picks a free one.</param>
/// <param name="StartTimeout">How long to wait for the engine to answer; the JVM compiles the launcher first, which is slow on a busy machine.</param>
public sealed record DynamoDbLocalOptions(
    string EmulatorDirectory,
    string? DataDirectory = null,
    int Port = 0,
    TimeSpan? StartTimeout = null)
{
    public static DynamoDbLocalOptions ForRepository(string repositoryRoot, string? dataDirectory = null) =>
        new(Path.Combine(repositoryRoot, "tools", "node_modules", "amplify-dynamodb-simulator", "emulator"), dataDirectory);

    internal TimeSpan EffectiveStartTimeout => StartTimeout ?? TimeSpan.FromSeconds(120);
}
