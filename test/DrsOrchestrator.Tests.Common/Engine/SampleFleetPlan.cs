using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>The three-tier sample fleet as tag-based groups (one per tier and account + region) and a db → app → web plan.</summary>
public static class SampleFleetPlan
{
    public static readonly (string Account, string Region)[] Locations =
        [("111111111111", "us-east-1"), ("111111111111", "us-west-2"), ("222222222222", "us-east-1"), ("222222222222", "us-west-2")];

    public static async Task<RecoveryPlan> CreateAsync(EngineHarness harness, Action<PlanWaveBuilder>? configureApp = null, Action<PlanWaveBuilder>? configureWeb = null)
    {
        var tiers = new Dictionary<string, List<string>>();
        foreach (var tier in new[] { "db", "app", "web" })
        {
            tiers[tier] = [];
            foreach (var (account, region) in Locations)
            {
                var group = await harness.CreateGroupAsync($"{tier}-{account}-{region}", account, region, null, ("Tier", tier));
                tiers[tier].Add(group.GroupId);
            }
        }

        return new RecoveryPlanBuilder()
            .WithId("plan-" + Guid.NewGuid().ToString("N"))
            .WithName("three-tier-" + Guid.NewGuid().ToString("N")[..6])
            .WithWave("databases", [.. tiers["db"]])
            .WithWave("applications", w => { w.WithGroups([.. tiers["app"]]); configureApp?.Invoke(w); })
            .WithWave("web", w => { w.WithGroups([.. tiers["web"]]); configureWeb?.Invoke(w); })
            .WithKnownGroups([.. tiers.Values.SelectMany(g => g)])
            .At(EngineHarness.StartTime)
            .Build();
    }
}
