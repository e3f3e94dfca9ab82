using System.Diagnostics;
using System.Globalization;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Engine;
using DrsOrchestrator.Tests.Common.Simulator;
using Xunit.Abstractions;

namespace DrsOrchestrator.Bench.Engine;

/// <summary>
/// Wave-transition lag: from the launch-result event of the last server of wave N to the StartRecovery
/// call for wave N+1, over a 21-wave drill (20 transitions) on the local twin (the engine harness: DynamoDB
/// Local, the simulator over HTTP, the runner executing the real definition, events through the poller).
/// Prints figures only.
/// </summary>
/// <remarks>
/// The time scale matters: at 600 a 300 s await timeout is 0.5 s of real time, about what one engine step
/// takes on a loaded machine, so timeouts race the events and the figures measure the machine's load
/// rather than the engine. The default, 60, keeps the virtual/real ratio of timeouts to step latency
/// closer to production. DRS_BENCH_SCALE overrides it; DRS_BENCH_TRACE=1 prints the timeline.
/// </remarks>
public static class WaveTransitionBenchmark
{
    private const string Spoke = "555555555555";
    private const int Waves = 21;

    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var dynamo = new DynamoDbLocalFixture(new SilentSink());
        await dynamo.InitializeAsync();
        try
        {
            await RunOnceAsync(dynamo, output);
        }
        finally
        {
            await dynamo.DisposeAsync();
        }
    }

    private static async Task RunOnceAsync(DynamoDbLocalFixture dynamo, TextWriter output)
    {
        var scale = double.TryParse(Environment.GetEnvironmentVariable("DRS_BENCH_SCALE"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
        var fleet = new SimulatorScenarioBuilder().Account(Spoke, "ext-555", "DrsOrchestratorCrossAccountRole").Region("us-east-1").Servers(Waves, "node").Build("bench");
        await using var harness = await EngineHarness.StartAsync(dynamo, fleet, scale: scale);

        var plan = new RecoveryPlanBuilder().WithId("plan-bench").WithName("bench");
        var groupIds = new List<string>();
        foreach (var serverId in harness.ServerIds(Spoke, "us-east-1"))
        {
            var group = await harness.CreateGroupAsync($"bench-{groupIds.Count}", Spoke, "us-east-1", [serverId]);
            groupIds.Add(group.GroupId);
            plan = plan.WithWave($"wave-{groupIds.Count}", group.GroupId);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var started = await harness.StartAsync(plan.WithKnownGroups([.. groupIds]).Build());
        var execution = await harness.RunToEndAsync(started.Execution, TimeSpan.FromMinutes(15));
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var events = harness.Simulator.DeliveredEvents;
        var starts = harness.Simulator.Calls.Where(c => c.Operation == "StartRecovery" && c.StatusCode < 300).Select(c => c.Time).Order().ToList();
        var lags = new List<double>();
        for (var w = 0; w + 1 < execution.Waves.Count; w++)
        {
            var ids = execution.Waves[w].Servers.Select(x => x.SourceServerId).ToHashSet(StringComparer.Ordinal);
            var lastLaunch = events.Where(e => ids.Contains(e.SourceServerId)).Max(e => e.Time);
            var nextStart = starts.First(t => t >= lastLaunch);
            lags.Add((nextStart - lastLaunch).TotalMilliseconds / scale);
        }

        var history = harness.Runner.GetExecutionHistory(harness.WorkflowArnOf(execution));
        if (Environment.GetEnvironmentVariable("DRS_BENCH_TRACE") == "1")
        {
            var trace = history
                .Where(h => h.Type is "TaskStateEntered" or "TaskTimedOut" or "TaskSubmitted" or "TaskSucceeded" or "TaskFailed")
                .Select(h => (h.Timestamp, Text: $"sfn {h.Type} {h.StateName} {(h.Type == "TaskFailed" ? h.Details : "")}"))
                .Concat(events.Select(e => (Timestamp: e.Time, Text: $"evt {e.SourceServerId} {e.State}")))
                .Concat(starts.Select(t => (Timestamp: t, Text: "drs StartRecovery")))
                .OrderBy(x => x.Timestamp);
            foreach (var (time, text) in trace)
            {
                output.WriteLine($"{time:HH:mm:ss.fff} {text}");
            }
        }

        lags.Sort();
        var counters = harness.Engine.Counters;
        string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"engine: launch events delivered {events.Count}, poller errors {harness.PollerErrors.Count}, simulator subscriber failures {harness.Simulator.DeliveryFailures}");
        output.WriteLine($"engine: {execution.Status} drill, {execution.Waves.Count} waves, {lags.Count} transitions, wall {wall.Elapsed.TotalSeconds:0.0} s at time scale {scale}; load average {LoadAverage()}");
        output.WriteLine($"engine: wave-transition lag (real ms) median {Ms(Percentile(lags, 0.5))}, p95 {Ms(Percentile(lags, 0.95))}, max {Ms(lags[^1])} (target < 1000; event time has 1 s resolution, so figures carry up to {Ms(1000 / scale)} ms of rounding)");
        output.WriteLine($"engine: wave tokens released by launch events {counters.TokensReleasedByEvents} of {execution.Waves.Count}; await timeouts {history.Count(h => h.Type == "TaskTimedOut" && h.StateName == "AwaitWave")}; ReconcileWave steps {counters.WavesReconciled}");
        output.WriteLine($"engine: process CPU per wave {Ms(cpu.TotalMilliseconds / execution.Waves.Count)} ms (engine, simulator and runner share the process)");
        output.WriteLine($"engine: state transitions (winning conditional writes) per wave {(double)counters.StateWrites / execution.Waves.Count:0.0}; jobs started {counters.JobsStarted}; tokens released {counters.TokensReleased}");
        output.WriteLine($"engine: outbox (ADR 0009) per wave: {(double)counters.OutboxRowsWrittenCount / execution.Waves.Count:0.00} event rows added to those transactions, {(double)counters.OutboxRowsDeletedCount / execution.Waves.Count:0.00} deletes after publish; events published {counters.EventsPublishedCount}, rejected {counters.EventsRejectedCount}");
        if (execution.Status != ExecutionStatus.Completed)
        {
            output.WriteLine($"engine: the drill ended {execution.Status}: {execution.Record.FailureCause}");
        }
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // The fixture wants xunit's sink; outside a test run nothing crosses an app domain, so the
    // marshalling base class the analyzer asks for (not referenced here) has no job to do.
#pragma warning disable xUnit3000
    private sealed class SilentSink : IMessageSink
#pragma warning restore xUnit3000
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }
}
