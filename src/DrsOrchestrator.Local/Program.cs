using System.Runtime.InteropServices;
using DrsOrchestrator.Aws.Persistence.Local;
using DrsOrchestrator.Local.Hosting;

namespace DrsOrchestrator.Local;

/// <summary>`./dev start`: the whole product on 127.0.0.1 until Ctrl+C (or SIGTERM).</summary>
internal static class Program
{
    public const int ExitOk = 0;
    public const int ExitUsage = 2;
    public const int ExitStoreUnavailable = 3;
    public const int ExitStartFailed = 1;

    public static async Task<int> Main(string[] args)
    {
        var options = LocalHostOptionsParser.Parse(args, out var errors, out var help);
        if (help)
        {
            Console.WriteLine(LocalHostOptionsParser.Usage);
            return ExitOk;
        }

        if (options is null)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine("error: " + error);
            }

            Console.Error.WriteLine(LocalHostOptionsParser.Usage);
            return ExitUsage;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

        LocalHost host;
        try
        {
            Console.WriteLine("Starting DRS Orchestrator (local twin) ...");
            host = await LocalHost.StartAsync(options, Console.Out, stop.Token).ConfigureAwait(false);
        }
        catch (DynamoDbLocalUnavailableException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitStoreUnavailable;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopped before the host was ready.");
            return ExitOk;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or HttpRequestException)
        {
            Console.Error.WriteLine($"error: the local host could not start: {ex.Message}");
            return ExitStartFailed;
        }

        await using (host.ConfigureAwait(false))
        {
            Console.WriteLine();
            Console.WriteLine($"  DRS Orchestrator is running at {host.BaseAddress}");
            Console.WriteLine("  Sign in with any preset user (one per role group). Ctrl+C stops everything.");
            Console.WriteLine();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping ...");
            }
        }

        Console.WriteLine("Stopped.");
        return ExitOk;

        void Stop(PosixSignalContext context)
        {
            // Handle it ourselves: the runtime's default would end the process before the JVM is stopped.
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
