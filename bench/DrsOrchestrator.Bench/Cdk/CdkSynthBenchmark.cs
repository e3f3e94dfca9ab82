using System.Diagnostics;
using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using DrsOrchestrator.Cdk;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;

namespace DrsOrchestrator.Bench.Cdk;

/// <summary>
/// Synth wall time of the full app (hub with every nested stack, spoke, edge WAF; packaging skipped)
/// against a one-stack, one-bucket C# CDK app, in the same process and run, so the ratio is what the
/// stack library itself costs on top of CDK's and jsii's fixed overhead. Figures only.
/// </summary>
internal static class CdkSynthBenchmark
{
    private const int Repetitions = 5;

    public static Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // The first synth starts the jsii node process and JITs both paths; it is reported, not counted.
        var coldFull = Time(SynthFullApp);
        var coldMinimal = Time(SynthMinimalApp);
        Write(output, "cold full app ms (incl. jsii start)", coldFull);
        Write(output, "cold minimal app ms", coldMinimal);

        var full = new List<double>();
        var minimal = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            // Interleaved, so drift on a shared machine hits both series alike.
            full.Add(Time(SynthFullApp));
            minimal.Add(Time(SynthMinimalApp));
        }

        var fullMedian = Median(full);
        var minimalMedian = Median(minimal);
        Write(output, "repetitions", Repetitions);
        Write(output, "full app synth median ms", fullMedian);
        Write(output, "full app synth min/max ms", $"{full.Min():0}/{full.Max():0}");
        Write(output, "minimal app synth median ms", minimalMedian);
        Write(output, "minimal app synth min/max ms", $"{minimal.Min():0}/{minimal.Max():0}");
        Write(output, "ratio full/minimal", fullMedian / minimalMedian);
        output.WriteLine("  (in-process App.Synth(); `cdk synth` adds dotnet start-up and, without skipPackaging, dotnet publish + npm build)");
        return Task.CompletedTask;
    }

    private static void SynthFullApp(string outdir)
    {
        var context = new Dictionary<string, object>(CdkFeatureFlags.All) { ["skipPackaging"] = "true" };
        var app = new App(new AppProps { Outdir = outdir, Context = context });
        var config = DeploymentConfigReader.Read(key => context.TryGetValue(key, out var value) ? value : null, "eu-west-1");
        DrsOrchestratorApp.Build(app, config, new EmptyAssetSource());
        app.Synth();
    }

    private static void SynthMinimalApp(string outdir)
    {
        var app = new App(new AppProps { Outdir = outdir });
        var stack = new Stack(app, "Minimal");
        _ = new Bucket(stack, "Bucket", new BucketProps { EnforceSSL = true });
        app.Synth();
    }

    private static double Time(Action<string> synth)
    {
        var outdir = Directory.CreateTempSubdirectory("drs-bench-synth-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            synth(outdir);
            return watch.Elapsed.TotalMilliseconds;
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void Write(TextWriter output, string name, object value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {(value is double d ? d.ToString("0.##", CultureInfo.InvariantCulture) : value)}"));
}
