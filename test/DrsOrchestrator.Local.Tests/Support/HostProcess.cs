using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace DrsOrchestrator.Local.Tests.Support;

/// <summary>The built host run as `dotnet DrsOrchestrator.Local.dll`, the way ./dev start runs it, with its output captured.</summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static HostProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DrsOrchestrator.Local.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var host = new HostProcess(Process.Start(start)!);
        host.Process.OutputDataReceived += (_, e) => host.Capture(e.Data);
        host.Process.ErrorDataReceived += (_, e) => host.Capture(e.Data);
        host.Process.BeginOutputReadLine();
        host.Process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the "running at" line and returns the DynamoDB Local pid the host printed.</summary>
    public async Task<int> WaitUntilReadyAsync()
    {
        await _ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
        return int.Parse(StorePid().Match(Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Signal(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("is running at", StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }

    [GeneratedRegex(@"DynamoDB Local on \S+ \(pid (\d+)")]
    private static partial Regex StorePid();
}
