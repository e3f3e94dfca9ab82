using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DrsOrchestrator.Aws.Persistence.Local;
using DrsOrchestrator.Aws.Persistence.Schema;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DrsOrchestrator.Tests.Common.DynamoDb;

/// <summary>
/// Runs AWS's DynamoDB Local jar (from the amplify-dynamodb-simulator npm package under tools/) for one
/// test assembly. Use it as an xunit collection fixture; each test class calls <see cref="CreateTablesAsync"/>
/// with its own prefix so classes never see each other's rows.
/// </summary>
/// <remarks>
/// Started through <see cref="DynamoDbLocalProcess"/>, the launcher the local host uses: bound to 127.0.0.1
/// only, telemetry off, in memory, on a free port, and gone when the test process ends. There is no
/// silent skip: if Java or the jar is missing, the fixture fails the run with a message that says so.
/// </remarks>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";

    private readonly IMessageSink _messageSink;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<TableNames>>> _shared = new();
    private DynamoDbLocalProcess? _process;
    private int _tableSets;

    /// <param name="messageSink">xunit injects it; the start/stop lines go there (shown with diagnostic messages on) and to stdout.</param>
    public DynamoDbLocalFixture(IMessageSink messageSink)
    {
        _messageSink = messageSink;
    }

    public int Port => _process?.Port ?? 0;

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}");

    public string EngineVersion { get; private set; } = "unknown";

    /// <summary>A low-level client pointed at the local engine with dummy static credentials.</summary>
    public IAmazonDynamoDB CreateClient() =>
        new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIALOCALTESTKEY0000", "local-test-secret"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = ServiceUrl.ToString(),
                AuthenticationRegion = Region,
                MaxErrorRetry = 2,
            });

    /// <summary>Creates every table in <see cref="TableSchema"/> under a fresh prefix, through the production provisioner.</summary>
    public async Task<TableNames> CreateTablesAsync(string prefixHint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefixHint);
        var prefix = $"{prefixHint}-{Guid.NewGuid():N}"[..Math.Min(prefixHint.Length + 9, 200)];
        var names = TableNames.FromPrefix(prefix);
        using var client = CreateClient();
        await new TableProvisioner(client).EnsureTablesAsync(names, CancellationToken.None);
        Interlocked.Increment(ref _tableSets);
        return names;
    }

    /// <summary>
    /// One table set per key (typically the test class name), created on first use. xunit builds a new
    /// class instance per test, so this keeps table creation per class rather than per test.
    /// </summary>
    public Task<TableNames> SharedTablesAsync(string key) =>
        _shared.GetOrAdd(key, k => new Lazy<Task<TableNames>>(() => CreateTablesAsync(k))).Value;

    public async Task InitializeAsync()
    {
        var options = DynamoDbLocalOptions.ForRepository(FindRepositoryRoot());
        var version = DynamoDbLocalProcess.ReadEngineVersionAsync(options);
        _process = await DynamoDbLocalProcess.StartAsync(options);
        EngineVersion = await version;
        Report($"DynamoDB Local {EngineVersion} started on {ServiceUrl.Authority} (pid {_process.ProcessId}); integration tests run against it.");
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.DisposeAsync();
        Report($"DynamoDB Local {EngineVersion} stopped; {_tableSets} test table set(s) were created on it.");
    }

    private void Report(string message)
    {
        Console.WriteLine(message);
        _messageSink.OnMessage(new DiagnosticMessage(message));
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DrsOrchestrator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"Repository root (folder with DrsOrchestrator.sln) not found above {AppContext.BaseDirectory}.");
    }
}
