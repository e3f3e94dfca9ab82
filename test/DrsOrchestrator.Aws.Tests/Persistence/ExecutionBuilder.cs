using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Aws.Tests.Persistence;

internal sealed class ExecutionBuilder
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private string _planId = TestIds.Plan();
    private int _waves = 2;
    private DateTimeOffset _createdAt = Now;
    private ExecutionType _type = ExecutionType.Drill;

    public ExecutionBuilder ForPlan(string planId) { _planId = planId; return this; }

    public ExecutionBuilder WithWaves(int waves) { _waves = waves; return this; }

    public ExecutionBuilder CreatedAt(DateTimeOffset at) { _createdAt = at; return this; }

    public ExecutionBuilder OfType(ExecutionType type) { _type = type; return this; }

    /// <summary>A plan on made-up groups: fine as an execution's snapshot, not for the plan repository, which needs stored groups.</summary>
    public static RecoveryPlan Plan(string planId, int waves) =>
        Plan(planId, Enumerable.Range(0, waves).Select(_ => TestIds.Group()).ToList());

    /// <summary>One wave per group, in order.</summary>
    public static RecoveryPlan Plan(string planId, IReadOnlyList<string> groups)
    {
        return RecoveryPlan.Create(
            planId,
            new RecoveryPlanDraft
            {
                Name = "plan " + planId[^6..],
                Waves = groups.Select((g, i) => new PlanWave { Name = $"wave {i + 1}", ProtectionGroupIds = [g] }).ToList(),
                RtoTargetMinutes = 60,
            },
            groups.ToHashSet(),
            "planner@example.test",
            Now);
    }

    public Execution Build() => Execution.Create(
        TestIds.Execution(), Plan(_planId, _waves), _type, "operator@example.test", InvocationSource.Api, null, _createdAt);

    public static IReadOnlyList<SourceServerRef> Servers(int count) =>
        Enumerable.Range(0, count).Select(_ => new SourceServerRef(TestIds.SourceServer(), "111122223333", "us-east-1")).ToList();
}
