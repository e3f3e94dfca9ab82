using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Bench.Drs;

/// <summary>
/// Prints the simulator's memory for a 10,000-server fleet, the cost of driving every server through a
/// drill, and raw HTTP StartRecovery+DescribeJobs round trips per second on loopback. Figures only:
/// nothing here asserts on time.
/// </summary>
internal static class DrsSimulatorBenchmark
{
    private const string Account = "111111111111";
    private const string Region = "us-east-1";
    private const int FleetSize = 10_000;

    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var scenario = Fleet(FleetSize);
        var limits = DrsLimits.Default with { MaxReplicatingServers = FleetSize };

        var before = SettledMemory();
        var load = Stopwatch.StartNew();
        await using var simulator = new DrsSimulator(new SimulatorOptions
        {
            Scenario = scenario,
            Limits = limits,
            Clock = VirtualClock.Manual(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero)),
        });
        load.Stop();
        var loaded = SettledMemory();
        Write(output, "fleet servers", simulator.SourceServerCount);
        Write(output, "fleet load ms", load.Elapsed.TotalMilliseconds);
        Write(output, "fleet memory MiB", (loaded - before) / 1024.0 / 1024.0);
        Write(output, "fleet memory bytes per server", (loaded - before) / (double)FleetSize);

        // Drill the whole fleet within the quotas: five jobs of 100 servers at a time.
        var caller = CallerIdentity.ForAccount(Account, Region);
        var ids = simulator.SourceServersOf(Account, Region).Select(s => s.SourceServerId).ToList();
        var drill = Stopwatch.StartNew();
        for (var offset = 0; offset < ids.Count; offset += 500)
        {
            foreach (var batch in ids.Skip(offset).Take(500).Chunk(100))
            {
                simulator.StartRecovery(caller, isDrill: true, [.. batch.Select(id => new RecoveryServerRequest(id))]);
            }

            // Windows servers take about 20 virtual minutes; 25 lets every job of the round finish.
            await simulator.AdvanceAsync(TimeSpan.FromMinutes(25)).ConfigureAwait(false);
        }

        drill.Stop();
        var drilled = SettledMemory();
        Write(output, "drill jobs", simulator.JobHistory.Count);
        Write(output, "drill events delivered", simulator.DeliveredEvents.Count);
        Write(output, "drill max concurrent jobs", simulator.MaxConcurrentJobs(Account, Region));
        Write(output, "drill wall-clock ms", drill.Elapsed.TotalMilliseconds);
        Write(output, "memory after drill MiB", (drilled - before) / 1024.0 / 1024.0);

        await RoundTripsAsync(output).ConfigureAwait(false);
        await ClientRoundTripsAsync(output, concurrency: 1).ConfigureAwait(false);
        await ClientRoundTripsAsync(output, concurrency: 4).ConfigureAwait(false);
    }

    /// <summary>
    /// The production DRS client (SigV4 signing, JSON, error mapping, retry loop) against the simulator
    /// over loopback HTTP, with signature verification on: the figure an engine wave start pays per job.
    /// </summary>
    private static async Task ClientRoundTripsAsync(TextWriter output, int concurrency)
    {
        var scenario = Fleet(4_000);
        var clock = VirtualClock.Manual(TimeProvider.System.GetUtcNow());
        await using var server = await DrsSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = scenario,
            Clock = clock,
            MaxCallRecords = 1_000,
            // Each round starts a one-server job; lift the concurrency quotas so the measurement is of
            // the wire, not of waiting for capacity.
            Limits = DrsLimits.Default with { MaxConcurrentJobs = 10_000, MaxServersInActiveJobs = 10_000, MaxReplicatingServers = 10_000 },
        }).ConfigureAwait(false);
        var client = AwsClients.Drs(
            Account,
            Region,
            new StaticCredentialSource($"AKIASIM{Account}", "bench-secret"),
            new AwsClientOptions(server.BaseAddress, new RetryOptions(MaxAttempts: 3, BaseDelay: TimeSpan.Zero), TimeSpan.FromSeconds(30), TimeProvider: clock));
        var ids = server.Simulator.SourceServersOf(Account, Region).Select(s => s.SourceServerId).ToArray();
        var next = -1;
        var latencies = new List<double>[concurrency];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            while (watch.Elapsed < TimeSpan.FromSeconds(4))
            {
                var index = Interlocked.Increment(ref next);
                if (index >= ids.Length)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                var job = await client.StartRecoveryAsync(new DrsStartRecoveryRequest([new DrsRecoverySource(ids[index])], IsDrill: true), default).ConfigureAwait(false);
                await client.DescribeJobsAsync(new DrsJobQuery(JobIds: [job.JobId]), default).ConfigureAwait(false);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        watch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var label = $"client (SigV4) StartRecovery+DescribeJobs, {concurrency} caller(s)";
        Write(output, label + " round trips/s", all.Length / watch.Elapsed.TotalSeconds);
        Write(output, label + " p50 ms", all[all.Length / 2]);
        Write(output, label + " p95 ms", all[(int)(all.Length * 0.95)]);
    }

    private static async Task RoundTripsAsync(TextWriter output)
    {
        var scenario = Fleet(100);
        await using var server = await DrsSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = scenario,
            Clock = VirtualClock.Manual(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero)),
            MaxCallRecords = 1_000,
        }).ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ids = server.Simulator.SourceServersOf(Account, Region).Select(s => s.SourceServerId).ToList();
        var authorization = $"AWS4-HMAC-SHA256 Credential=AKIASIM{Account}/20250106/{Region}/drs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
        var rounds = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            var id = ids[rounds % ids.Count];
            var jobId = await PostAsync(http, authorization, "StartRecovery", $$$"""{"isDrill":true,"sourceServers":[{"sourceServerID":"{{{id}}}"}]}""").ConfigureAwait(false);
            await PostAsync(http, authorization, "DescribeJobs", $$$"""{"filters":{"jobIDs":["{{{jobId}}}"]}}""").ConfigureAwait(false);
            rounds++;
            if (rounds % 20 == 0)
            {
                // Let the jobs finish so the concurrency quota never throttles the measurement.
                await server.Simulator.AdvanceAsync(TimeSpan.FromMinutes(30)).ConfigureAwait(false);
            }
        }

        watch.Stop();
        Write(output, "raw http StartRecovery+DescribeJobs round trips/s", rounds / watch.Elapsed.TotalSeconds);
    }

    private static async Task<string> PostAsync(HttpClient http, string authorization, string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, operation) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250106T090000Z");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{operation} failed: {(int)response.StatusCode} {text}");
        }

        const string marker = "\"jobID\":\"";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? "" : text.Substring(at + marker.Length, 24);
    }

    private static SimulatorScenario Fleet(int size) => new()
    {
        Name = "bench",
        Accounts =
        [
            new ScenarioAccount
            {
                AccountId = Account,
                Regions =
                [
                    new ScenarioRegion
                    {
                        Region = Region,
                        Servers = [.. Enumerable.Range(1, size).Select(i => new ScenarioServer
                        {
                            Hostname = $"bench-{i:D5}",
                            Os = i % 5 == 0 ? "WINDOWS" : "LINUX",
                            Tags = new Dictionary<string, string> { ["Application"] = $"app-{i % 50}", ["Tier"] = (i % 3) switch { 0 => "db", 1 => "app", _ => "web" } },
                        })],
                    },
                ],
            },
        ],
    };

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Write(TextWriter output, string name, double value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drs-simulator {name}: {value:0.##}"));
}
