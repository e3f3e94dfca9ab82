using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Functions.Api;

namespace DrsOrchestrator.Bench.Api;

/// <summary>
/// Cold start in a fresh process (issue 5): the parent spawns <c>dotnet &lt;bench dll&gt; api-cold-child</c>
/// or <c>bare-cold-child</c>; each child serves one request through its Stream-in/Stream-out entry point
/// and prints one line the parent parses. The API child builds <see cref="Function"/> with its
/// parameterless constructor, from environment variables, exactly as the Lambda runtime does.
/// </summary>
internal static class ApiColdStart
{
    public const string ApiChildMode = "api-cold-child";
    public const string BareChildMode = "bare-cold-child";
    private const string ResultPrefix = "cold-ms ";

    public static bool IsChildMode(string mode) => mode is ApiChildMode or BareChildMode;

    /// <summary>Child side: one request, then "cold-ms &lt;entry-to-answer&gt; &lt;process-start-to-answer&gt;".</summary>
    public static async Task<int> RunChildAsync(string mode)
    {
        var sinceEntry = Stopwatch.StartNew();
        var request = new MemoryStream(Encoding.UTF8.GetBytes(ApiBenchmark.Event("GET", "/protection-groups", "limit=50")));
        Stream response;
        if (mode == ApiChildMode)
        {
            response = await new Function().HandleAsync(request).ConfigureAwait(false);
        }
        else
        {
            response = await BareHandlerAsync(request).ConfigureAwait(false);
        }

        await using (response.ConfigureAwait(false))
        {
            sinceEntry.Stop();
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            if (mode == ApiChildMode)
            {
                using var document = await JsonDocument.ParseAsync(response).ConfigureAwait(false);
                var status = document.RootElement.GetProperty("statusCode").GetInt32();
                if (status != 200)
                {
                    // A fast error would pass for a fast cold start.
                    await Console.Error.WriteLineAsync($"GET /protection-groups answered {status}: {document.RootElement.GetProperty("body").GetString()}").ConfigureAwait(false);
                    return 1;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{sinceEntry.Elapsed.TotalMilliseconds:0.000} {sinceStart.TotalMilliseconds:0.0}"));
        }

        return 0;
    }

    /// <summary>Parent side: alternates API and bare children, then prints medians and ratios.</summary>
    public static async Task MeasureAsync(IReadOnlyDictionary<string, string> apiEnvironment, int runs, TextWriter output)
    {
        var api = new List<ColdSample>();
        var bare = new List<ColdSample>();
        for (var i = 0; i < runs; i++)
        {
            api.Add(await RunChildProcessAsync(ApiChildMode, apiEnvironment).ConfigureAwait(false));
            bare.Add(await RunChildProcessAsync(BareChildMode, new Dictionary<string, string>()).ConfigureAwait(false));
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        void Line(string what, Func<ColdSample, double> figure) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold, fresh process ({runs} runs, median) {what,-28} api {Median(api.Select(figure)),8:0.0} ms  bare {Median(bare.Select(figure)),8:0.0} ms  ratio {Median(api.Select(figure)) / Math.Max(Median(bare.Select(figure)), 0.001),6:0.0}x"));
        Line("Main to first answer:", s => s.EntryToAnswerMs);
        Line("process start to answer:", s => s.ProcessStartToAnswerMs);
        Line("spawn to exit (parent):", s => s.WallMs);
    }

    private static async Task<ColdSample> RunChildProcessAsync(string mode, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ApiColdStart).Assembly.Location);
        start.ArgumentList.Add(mode);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var wall = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bench child process.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().ConfigureAwait(false);
        wall.Stop();
        var lines = await stdout.ConfigureAwait(false);
        var result = lines.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{mode} exited {child.ExitCode}: {await stderr.ConfigureAwait(false)}{lines}");
        }

        var figures = result[ResultPrefix.Length..].Split(' ');
        return new ColdSample(
            double.Parse(figures[0], CultureInfo.InvariantCulture),
            double.Parse(figures[1], CultureInfo.InvariantCulture),
            wall.Elapsed.TotalMilliseconds);
    }

    /// <summary>The environment the lambda stack gives the API function, pointed at the local twin.</summary>
    public static Dictionary<string, string> ApiEnvironment(TableNames tables, Uri dynamoDb, string hubAccount) =>
        TableSchema.All.ToDictionary(t => t.EnvironmentVariable, tables.NameOf, StringComparer.Ordinal)
            .Concat(new Dictionary<string, string>
            {
                ["AWS_REGION"] = "us-east-1",
                ["CORS_ALLOWED_ORIGIN"] = "http://127.0.0.1",
                ["HUB_ACCOUNT_ID"] = hubAccount,
                ["STATE_MACHINE_ARN"] = $"arn:aws:states:us-east-1:{hubAccount}:stateMachine:bench",
                ["EVENT_BUS_NAME"] = "bench",
                // Nothing listens there: a GET /protection-groups must not reach any AWS endpoint but DynamoDB's.
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
                ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDb.ToString(),
            })
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The baseline: a Lambda handler with the same Stream-in/Stream-out shape that does nothing.</summary>
    private static async Task<Stream> BareHandlerAsync(Stream input)
    {
        var output = new MemoryStream();
        await input.CopyToAsync(output).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }

    // `dotnet run` and the SDK export the host they run under; a bench started by its apphost falls back to PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private sealed record ColdSample(double EntryToAnswerMs, double ProcessStartToAnswerMs, double WallMs);
}
