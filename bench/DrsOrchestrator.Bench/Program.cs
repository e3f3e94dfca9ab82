using DrsOrchestrator.Bench.Api;
using DrsOrchestrator.Bench.Cdk;
using DrsOrchestrator.Bench.Drs;
using DrsOrchestrator.Bench.Engine;

namespace DrsOrchestrator.Bench;

/// <summary>
/// Benchmarks print figures; nothing here passes or fails on time. Run with
/// <c>dotnet run -c Release --project bench/DrsOrchestrator.Bench -- &lt;name&gt;</c> or <c>./dev bench &lt;name&gt;</c>.
/// </summary>
internal static class Program
{
    private static readonly IReadOnlyDictionary<string, (string Description, Func<TextWriter, Task> Run)> Benchmarks =
        new Dictionary<string, (string, Func<TextWriter, Task>)>(StringComparer.OrdinalIgnoreCase)
        {
            ["api"] = ("cold start vs bare handler; warm p50/p99 with 10,000 executions and 1,000 groups", ApiBenchmark.RunAsync),
            ["drs"] = ("DRS client + simulator round trips per second; simulator memory for a 10,000-server fleet", DrsSimulatorBenchmark.RunAsync),
            ["engine"] = ("wave-transition lag (median, p95), engine CPU and state transitions per wave", WaveTransitionBenchmark.RunAsync),
            ["synth"] = ("cdk synth wall time: the full app vs a one-stack app (ratio)", CdkSynthBenchmark.RunAsync),
        };

    public static async Task<int> Main(string[] args)
    {
        // Child processes of the api benchmark: one request each, nothing else loaded first.
        if (args.Length == 1 && ApiColdStart.IsChildMode(args[0]))
        {
            return await ApiColdStart.RunChildAsync(args[0]).ConfigureAwait(false);
        }

        return await RunBenchmarksAsync(args).ConfigureAwait(false);
    }

    // Kept apart from Main so a child process never touches the benchmark table.
    private static async Task<int> RunBenchmarksAsync(string[] args)
    {
        var names = args.Length == 0 ? [] : args;
        if (names.Length == 0 || names.Any(n => !Benchmarks.ContainsKey(n) && n != "all"))
        {
            Console.WriteLine("usage: ./dev bench <name>|all");
            foreach (var (name, (description, _)) in Benchmarks)
            {
                Console.WriteLine($"  {name,-8} {description}");
            }

            return names.Length == 0 ? 0 : 2;
        }

        var selected = names.Contains("all") ? Benchmarks.Keys.ToArray() : names;
        foreach (var name in selected)
        {
            Console.WriteLine($"== {name}: {Benchmarks[name].Description}");
            await Benchmarks[name].Run(Console.Out).ConfigureAwait(false);
        }

        return 0;
    }
}
