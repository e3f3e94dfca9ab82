using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
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
/// DynamoDB Local 1.25 has no option to choose the listen address (see <c>-help</c>): Jetty binds every
/// interface. We accept that because the process is in-memory, lives only for the test run, listens on a
/// random free port, has telemetry disabled, and every client we build connects to 127.0.0.1 only.
/// There is no silent skip: if Java or the jar is missing, the fixture fails the run.
/// </remarks>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";

    private readonly IMessageSink _messageSink;
    private readonly StringBuilder _processOutput = new();
    private Process? _process;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<TableNames>>> _shared = new();
    private int _tableSets;

    /// <param name="messageSink">xunit injects it; the start/stop lines go there (shown with diagnostic messages on) and to stdout.</param>
    public DynamoDbLocalFixture(IMessageSink messageSink)
    {
        _messageSink = messageSink;
    }

    public int Port { get; private set; }

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
        var emulator = FindEmulatorDirectory();
        var jar = Path.Combine(emulator, "DynamoDBLocal.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException(
                $"DynamoDB Local jar not found at {jar}. Install the tools first: (cd tools && npm ci).");
        }

        EngineVersion = await ReadVersionAsync(jar, emulator);
        Port = FreeLoopbackPort();
        var start = new ProcessStartInfo("java")
        {
            WorkingDirectory = emulator,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"-Djava.library.path={Path.Combine(emulator, "DynamoDBLocal_lib")}", "-jar", jar,
                     "-inMemory", "-disableTelemetry", "-port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = StartJava(start);
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilAnsweringAsync();
        Report($"DynamoDB Local {EngineVersion} started on 127.0.0.1:{Port} (pid {_process.Id}); integration tests run against it.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        Report($"DynamoDB Local {EngineVersion} stopped; {_tableSets} test table set(s) were created on it.");
        return Task.CompletedTask;
    }

    private void Report(string message)
    {
        Console.WriteLine(message);
        _messageSink.OnMessage(new DiagnosticMessage(message));
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_processOutput)
        {
            _processOutput.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"DynamoDB Local exited with code {_process.ExitCode} before answering:{Environment.NewLine}{Output()}");
            }

            try
            {
                await client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest { Limit = 1 });
                return;
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or AmazonClientException)
            {
                last = ex;
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"DynamoDB Local did not answer on 127.0.0.1:{Port} within 60 s: {last?.Message}{Environment.NewLine}{Output()}");
    }

    private string Output()
    {
        lock (_processOutput)
        {
            return _processOutput.ToString();
        }
    }

    private static Process StartJava(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "Java is required to run DynamoDB Local for the integration tests (OpenJDK 17 works); 'java' was not found on PATH.", ex);
        }
    }

    private static async Task<string> ReadVersionAsync(string jar, string emulator)
    {
        var start = new ProcessStartInfo("java") { WorkingDirectory = emulator, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-jar");
        start.ArgumentList.Add(jar);
        start.ArgumentList.Add("-version");
        using var process = StartJava(start);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return string.IsNullOrWhiteSpace(output) ? "unknown" : output.Trim();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindEmulatorDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DrsOrchestrator.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"Repository root (folder with DrsOrchestrator.sln) not found above {AppContext.BaseDirectory}.");
        }

        return Path.Combine(directory.FullName, "tools", "node_modules", "amplify-dynamodb-simulator", "emulator");
    }
}
