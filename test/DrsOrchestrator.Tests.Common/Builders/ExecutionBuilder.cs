using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Tests.Common.Builders;

/// <summary>
/// An execution of a plan (by default two single-group waves) as the engine would drive it. The
/// <c>...</c> helpers advance it through the real aggregate methods, so a built execution is always
/// one the domain could have reached.
/// </summary>
public sealed class ExecutionBuilder
{
    private string executionId = "exec-" + Guid.NewGuid().ToString("N")[..12];
    private RecoveryPlan? plan;
    private ExecutionType type = ExecutionType.Drill;
    private ExecutionOptions options = ExecutionOptions.Default;
    private string initiatedBy = "operator@example.test";
    private InvocationSource source = InvocationSource.Console;
    private DateTimeOffset now = TestIds.Epoch;

    public ExecutionBuilder WithId(string value) { executionId = value; return this; }

    public ExecutionBuilder ForPlan(RecoveryPlan value) { plan = value; return this; }

    public ExecutionBuilder OfType(ExecutionType value) { type = value; return this; }

    public ExecutionBuilder WithOptions(ExecutionOptions value) { options = value; return this; }

    public ExecutionBuilder InitiatedBy(string value) { initiatedBy = value; return this; }

    public ExecutionBuilder From(InvocationSource value) { source = value; return this; }

    public ExecutionBuilder At(DateTimeOffset value) { now = value; return this; }

    public static RecoveryPlan DefaultPlan() =>
        new RecoveryPlanBuilder().WithWave("Databases", "pg-db").WithWave("Applications", "pg-app").Build();

    public Execution Build() => Execution.Create(executionId, plan ?? DefaultPlan(), type, initiatedBy, source, options, now);

    public Execution BuildRunning()
    {
        var execution = Build();
        execution.Start(now);
        return execution;
    }

    /// <summary>Running with wave <paramref name="waveIndex"/> started on the given servers, each in one started DRS job per location.</summary>
    public Execution BuildLaunching(int waveIndex, IReadOnlyList<SourceServerRef> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var execution = BuildRunning();
        for (var i = 0; i < waveIndex; i++)
        {
            LaunchAll(execution, i, [], now);
            execution.EvaluateWave(i, now);
        }

        LaunchAll(execution, waveIndex, servers, now);
        return execution;
    }

    /// <summary>Starts a wave and one DRS job per location for its servers; the job IDs are <c>drsjob-{wave}-{n}</c>.</summary>
    public static void LaunchAll(Execution execution, int waveIndex, IReadOnlyList<SourceServerRef> servers, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(servers);
        execution.StartWave(waveIndex, servers, at);
        var n = 0;
        foreach (var group in servers.GroupBy(s => s.Location))
        {
            var requestId = $"req-{waveIndex}-{n}";
            execution.RecordJobIntent(waveIndex, requestId, group.Key, [.. group.Select(s => s.SourceServerId)], at);
            execution.RecordJobStarted(waveIndex, requestId, $"drsjob-{waveIndex}-{n}", at);
            n++;
        }
    }

    public static IReadOnlyList<SourceServerRef> Servers(int count, long first = 1, string? accountId = null, string region = TestIds.Region) =>
        [.. TestIds.SourceServerIds(count, first).Select(id => new SourceServerRef(id, accountId ?? TestIds.AccountId(1), region))];
}
