using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Functions.Orchestration;
using DrsOrchestrator.Functions.Orchestration.Hosting;
using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Simulator;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;
using Xunit.Abstractions;

namespace DrsOrchestrator.Bench.Engine;

/// <summary>
/// Wave-transition lag: from the launch-result event of the last server of wave N to the StartRecovery
/// call for wave N+1, over a 21-wave drill (20 transitions) on the local twin. Prints figures only.
/// </summary>
public static class WaveTransitionBenchmark
{
    private const string Hub = "100000000001";
    private const string Spoke = "555555555555";
    private const int Waves = 21;
    private const double Scale = 600;

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
        var clock = new VirtualClock(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero), Scale);
        var fleet = new SimulatorScenarioBuilder().Account(Spoke, "ext-555", "DrsOrchestratorCrossAccountRole").Region("us-east-1").Servers(Waves, "node").Build("bench");
        await using var server = await DrsSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = fleet with { Accounts = [.. fleet.Accounts, new ScenarioAccount { AccountId = Hub, Name = "hub" }] },
            Clock = clock,
            Seed = 11,
        });
        var tables = await dynamo.CreateTablesAsync("bench");
        using var db = dynamo.CreateClient();
        var persistence = DynamoDbPersistenceOptions.Default(tables);
        var executions = new DynamoDbExecutionRepository(db, persistence, clock);
        var groups = new DynamoDbProtectionGroupRepository(db, persistence, clock);
        var client = new AwsClientOptions(server.BaseAddress, new RetryOptions(MaxAttempts: 5, BaseDelay: TimeSpan.FromMilliseconds(5)), TimeSpan.FromSeconds(30), TimeProvider: clock);
        using var credentials = new AccountCredentials(
            new CrossAccountOptions(Hub, new BasicAWSCredentials("AKIASIM" + Hub, "hub-secret-local"), "us-east-1", client),
            new ConfiguredAccountResolver(Hub, "DrsOrchestratorCrossAccountRole", new Dictionary<string, string> { [Spoke] = "ext-555" }));
        await using var runner = new LocalWorkflowRunner(new RunnerTime(clock));
        const string stateMachine = "arn:aws:states:us-east-1:000000000000:stateMachine:drs-orchestration";
        const string function = "arn:aws:lambda:us-east-1:100000000001:function:drs-orchestration";
        var engine = new OrchestrationEngine(executions, groups, new CrossAccountDrsClientFactory(credentials, client), runner, new NoEvents(), clock, new EngineOptions(stateMachine));
        runner.RegisterFunction(function, new OrchestrationHandler(engine).HandleAsync);
        runner.CreateStateMachine("drs-orchestration", OrchestrationStateMachine.BuildDefinition(), new Dictionary<string, string> { [OrchestrationStateMachine.FunctionArnPlaceholder] = function });
        Exception? firstFailure = null;
        using var subscription = server.Simulator.Subscribe(async (e, ct) =>
        {
            try
            {
                await engine.ApplyLaunchResultsAsync([new LaunchResultNotice(e.AccountId, e.Region, e.JobId, e.SourceServerId, e.State == "RECOVERY_LAUNCH_SUCCEEDED", e.Time)], ct);
            }
            catch (Exception ex)
            {
                firstFailure ??= ex;
                throw;
            }
        });

        var plan = new RecoveryPlanBuilder().WithId("plan-bench").WithName("bench");
        var groupIds = new List<string>();
        foreach (var (node, index) in server.Simulator.SourceServersOf(Spoke, "us-east-1").Select((s, i) => (s, i)))
        {
            var group = await groups.CreateAsync(new ProtectionGroupBuilder().WithId($"pg-bench-{index}").WithName($"bench-{index}").InAccount(Spoke).InRegion("us-east-1").WithServers(node.SourceServerId).Build(), CancellationToken.None);
            groupIds.Add(group.GroupId);
            plan = plan.WithWave($"wave-{index + 1}", group.GroupId);
        }

        var commands = new ExecutionCommands(engine);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var started = await commands.StartAsync(new StartExecutionRequest(plan.WithKnownGroups([.. groupIds]).Build(), ExecutionType.Drill, "bench", InvocationSource.Api), CancellationToken.None);
        await runner.WaitForCompletionAsync(started.Execution.Record.WorkflowExecutionArn!, TimeSpan.FromMinutes(5));
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var execution = await executions.GetAsync(started.Execution.ExecutionId, CancellationToken.None) ?? throw new InvalidOperationException("Execution vanished.");

        var events = server.Simulator.DeliveredEvents;
        var starts = server.Simulator.Calls.Where(c => c.Operation == "StartRecovery" && c.StatusCode < 300).Select(c => c.Time).Order().ToList();
        var lags = new List<double>();
        for (var w = 0; w + 1 < execution.Waves.Count; w++)
        {
            var ids = execution.Waves[w].Servers.Select(s => s.SourceServerId).ToHashSet(StringComparer.Ordinal);
            var lastLaunch = events.Where(e => ids.Contains(e.SourceServerId)).Max(e => e.Time);
            var nextStart = starts.First(t => t >= lastLaunch);
            lags.Add((nextStart - lastLaunch).TotalMilliseconds / Scale);
        }

        lags.Sort();
        output.WriteLine($"engine: launch events delivered {events.Count}, subscriber failures {server.Simulator.DeliveryFailures}{(firstFailure is null ? "" : ", first: " + firstFailure.GetType().Name + ": " + firstFailure.Message)}");
        string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"engine: {execution.Status} drill, {execution.Waves.Count} waves, {lags.Count} transitions, wall {wall.Elapsed.TotalSeconds:0.0} s at time scale {Scale}");
        output.WriteLine($"engine: wave-transition lag (real ms) median {Ms(Percentile(lags, 0.5))}, p95 {Ms(Percentile(lags, 0.95))}, max {Ms(lags[^1])} (target < 1000; event time has 1 s resolution, so figures carry up to {Ms(1000 / Scale)} ms of rounding)");
        output.WriteLine($"engine: process CPU per wave {Ms(cpu.TotalMilliseconds / execution.Waves.Count)} ms (engine, simulator and runner share the process)");
        output.WriteLine($"engine: state transitions (winning conditional writes) per wave {(double)engine.Counters.StateWrites / execution.Waves.Count:0.0}; jobs started {engine.Counters.JobsStarted}; tokens released {engine.Counters.TokensReleased}");
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // The fixture wants xunit's sink; outside a test run nothing crosses an app domain, so the
    // marshalling base class the analyzer asks for (not referenced here) has no job to do.
#pragma warning disable xUnit3000
    private sealed class SilentSink : IMessageSink
#pragma warning restore xUnit3000
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    private sealed class NoEvents : IEventPublisher
    {
        public Task PublishAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Reads the scaled clock; timers are real, shortened by the scale and rounded up (see the tests' ScaledTimerProvider).</summary>
    private sealed class RunnerTime(VirtualClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, Shorten(dueTime), Shorten(period));

        private static TimeSpan Shorten(TimeSpan span) =>
            span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks((long)Math.Ceiling(span.Ticks / Scale) + TimeSpan.TicksPerMillisecond);
    }
}
