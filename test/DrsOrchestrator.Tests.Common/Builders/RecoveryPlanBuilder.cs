using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Tests.Common.Builders;

/// <summary>A valid plan by default: one wave over group <c>pg-1</c>. Known groups default to those the waves name.</summary>
public sealed class RecoveryPlanBuilder
{
    private readonly List<PlanWaveBuilder> waves = [];
    private string planId = "plan-" + Guid.NewGuid().ToString("N")[..12];
    private string name = "Payments failover";
    private string description = "";
    private int? rto;
    private int? rpo;
    private HashSet<string>? knownGroups;
    private string actor = "builder@example.test";
    private DateTimeOffset now = TestIds.Epoch;

    public RecoveryPlanBuilder WithId(string value) { planId = value; return this; }

    public RecoveryPlanBuilder WithName(string value) { name = value; return this; }

    public RecoveryPlanBuilder WithDescription(string value) { description = value; return this; }

    public RecoveryPlanBuilder WithRto(int? minutes) { rto = minutes; return this; }

    public RecoveryPlanBuilder WithRpo(int? minutes) { rpo = minutes; return this; }

    public RecoveryPlanBuilder WithWave(string waveName, params string[] groupIds) => WithWave(waveName, w => w.WithGroups(groupIds));

    public RecoveryPlanBuilder WithWave(string waveName, Action<PlanWaveBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var wave = new PlanWaveBuilder(waveName);
        configure(wave);
        waves.Add(wave);
        return this;
    }

    /// <summary>The protection groups that exist as far as validation is concerned.</summary>
    public RecoveryPlanBuilder WithKnownGroups(params string[] groupIds) { knownGroups = [.. groupIds]; return this; }

    public RecoveryPlanBuilder By(string value) { actor = value; return this; }

    public RecoveryPlanBuilder At(DateTimeOffset value) { now = value; return this; }

    public RecoveryPlanDraft BuildDraft() => new()
    {
        Name = name,
        Description = description,
        Waves = waves.Count == 0 ? [new PlanWaveBuilder("Wave 1").WithGroups("pg-1").Build()] : [.. waves.Select(w => w.Build())],
        RtoTargetMinutes = rto,
        RpoTargetMinutes = rpo,
    };

    public IReadOnlySet<string> KnownGroups(RecoveryPlanDraft draft) =>
        knownGroups ?? draft.Waves.SelectMany(w => w.ProtectionGroupIds).ToHashSet(StringComparer.Ordinal);

    /// <summary>Through <see cref="RecoveryPlan.Create"/>, so it throws if the test made the plan invalid.</summary>
    public RecoveryPlan Build()
    {
        var draft = BuildDraft();
        return RecoveryPlan.Create(planId, draft, KnownGroups(draft), actor, now);
    }
}
