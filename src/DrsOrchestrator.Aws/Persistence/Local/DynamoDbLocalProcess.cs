using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace DrsOrchestrator.Aws.Persistence.Local;

/// <summary>
/// AWS's DynamoDB Local jar as a child process bound to 127.0.0.1 only (through a small Java launcher,
/// since the jar has no listen-address option). The child exits when this process's end of its stdin
/// pipe closes, so it never outlives its parent, even when the parent is killed. Telemetry is off and the
/// database is in memory unless a data directory is given. The one launcher for the local host and the
/// test fixture.
/// </summary>
public sealed class DynamoDbLocalProcess : IAsyncDisposable
{
    /// <summary>The static key every local client uses; with -sharedDb the key no longer selects a database, but one key keeps logs readable.</summary>
    public const string AccessKey = "local";

    private const string ReadyLine = "DYNAMODB_LOCAL_READY";
    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _disposed;

    private DynamoDbLocalProcess(Process process, StringBuilder output, int port, string? dataDirectory)
    {
        _process = process;
        _output = output;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public int ProcessId => _process.Id;

    public string? DataDirectory { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the engine and returns once it accepts connections.</summary>
    /// <exception cref="DynamoDbLocalUnavailableException">Java or the jar is missing, or the engine died or hung on start.</exception>
    public static async Task<DynamoDbLocalProcess> StartAsync(DynamoDbLocalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var jar = Path.Combine(options.EmulatorDirectory, "DynamoDBLocal.jar");
        if (!File.Exists(jar))
        {
            throw new DynamoDbLocalUnavailableException(
                $"DynamoDB Local was not found at {jar}. Install the tools first: (cd tools && npm ci), or run ./dev start.");
        }

        var launcher = Path.Combine(AppContext.BaseDirectory, "Persistence", "Local", "LoopbackDynamoDbLocal.java");
        if (!File.Exists(launcher))
        {
            throw new DynamoDbLocalUnavailableException($"The DynamoDB Local launcher is missing from the build output: {launcher}.");
        }

        if (options.DataDirectory is { } data)
        {
            Directory.CreateDirectory(data);
        }

        var port = options.Port == 0 ? FreeLoopbackPort() : options.Port;
        var start = new ProcessStartInfo("java")
        {
            WorkingDirectory = options.EmulatorDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var library = Path.Combine(options.EmulatorDirectory, "DynamoDBLocal_lib");
        start.ArgumentList.Add($"-Djava.library.path={library}");
        start.ArgumentList.Add("-cp");
        start.ArgumentList.Add(jar + Path.PathSeparator + Path.Combine(library, "*"));
        start.ArgumentList.Add(launcher);
        start.ArgumentList.Add("-port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("-sharedDb");
        start.ArgumentList.Add("-disableTelemetry");
        if (options.DataDirectory is { } dbPath)
        {
            start.ArgumentList.Add("-dbPath");
            start.ArgumentList.Add(Path.GetFullPath(dbPath));
        }
        else
        {
            start.ArgumentList.Add("-inMemory");
        }

        var process = StartJava(start);

        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            Capture(output, e.Data);
            if (e.Data == ReadyLine)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Capture(output, e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new DynamoDbLocalUnavailableException(
            $"DynamoDB Local exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{Snapshot(output)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new DynamoDbLocalProcess(process, output, port, options.DataDirectory);
        try
        {
            await ready.Task.WaitAsync(options.EffectiveStartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw new DynamoDbLocalUnavailableException(
                $"DynamoDB Local did not start within {options.EffectiveStartTimeout.TotalSeconds:0} s:{Environment.NewLine}{Snapshot(output)}", ex);
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return instance;
    }

    /// <summary>What the jar reports with -version (one short-lived JVM); "unknown" when it says nothing.</summary>
    /// <exception cref="DynamoDbLocalUnavailableException">Java is missing.</exception>
    public static async Task<string> ReadEngineVersionAsync(DynamoDbLocalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var start = new ProcessStartInfo("java")
        {
            WorkingDirectory = options.EmulatorDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-jar");
        start.ArgumentList.Add(Path.Combine(options.EmulatorDirectory, "DynamoDBLocal.jar"));
        start.ArgumentList.Add("-version");
        using var process = StartJava(start);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)).Trim();
        _ = await stderr.ConfigureAwait(false);
        return output.Length == 0 ? "unknown" : output;
    }

    /// <summary>A low-level client for this engine (static local key, never real credentials).</summary>
    public IAmazonDynamoDB CreateClient(string region) =>
        new AmazonDynamoDBClient(
            new BasicAWSCredentials(AccessKey, AccessKey),
            new AmazonDynamoDBConfig { ServiceURL = ServiceUrl.ToString(), AuthenticationRegion = region, MaxErrorRetry = 2 });

    /// <summary>What the engine printed so far (for error messages).</summary>
    public string Output() => Snapshot(_output);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                // Closing stdin is the polite stop (the launcher halts); the kill covers a JVM that does not notice.
                try
                {
                    _process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The pipe is already broken: the child is going away on its own.
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already reaped.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static Process StartJava(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new DynamoDbLocalUnavailableException("java did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new DynamoDbLocalUnavailableException(
                "Java 17+ is required to run DynamoDB Local, and 'java' was not found on PATH. Install it (Debian: apt-get install -y openjdk-17-jre-headless) and try again.", ex);
        }
    }

    private static void Capture(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
