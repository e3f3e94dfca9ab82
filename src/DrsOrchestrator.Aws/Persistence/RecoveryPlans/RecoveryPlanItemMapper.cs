using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Aws.Persistence.RecoveryPlans;

/// <summary>The one place a <see cref="RecoveryPlan"/> becomes a DynamoDB map and back (its own item, and the snapshot inside an execution).</summary>
internal static class RecoveryPlanItemMapper
{
    public const string PlanId = "planId";
    public const string Version = "version";

    public static Dictionary<string, AttributeValue> ToItem(RecoveryPlan plan, long version)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PlanId] = Attr.S(plan.PlanId),
            ["name"] = Attr.S(plan.Name),
            ["description"] = Attr.S(plan.Description),
            ["waves"] = Attr.List(plan.Waves.Select(w => Attr.Map(WaveToMap(w)))),
            ["createdBy"] = Attr.S(plan.CreatedBy),
            ["createdAt"] = Attr.Time(plan.CreatedAt),
            ["updatedBy"] = Attr.S(plan.UpdatedBy),
            ["updatedAt"] = Attr.Time(plan.UpdatedAt),
            [Version] = Attr.N(version),
        };
        if (plan.RtoTargetMinutes is { } rto)
        {
            item["rtoTargetMinutes"] = Attr.N(rto);
        }

        if (plan.RpoTargetMinutes is { } rpo)
        {
            item["rpoTargetMinutes"] = Attr.N(rpo);
        }

        return item;
    }

    public static RecoveryPlan FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        PlanId = item.GetS(PlanId),
        Name = item.GetS("name"),
        Description = item.GetSOrNull("description") ?? "",
        Waves = item.GetListOrEmpty("waves").Select(w => WaveFromMap(w.M)).ToList(),
        RtoTargetMinutes = (int?)item.GetNOrNull("rtoTargetMinutes"),
        RpoTargetMinutes = (int?)item.GetNOrNull("rpoTargetMinutes"),
        CreatedBy = item.GetS("createdBy"),
        CreatedAt = item.GetTime("createdAt"),
        UpdatedBy = item.GetS("updatedBy"),
        UpdatedAt = item.GetTime("updatedAt"),
        Version = item.GetN(Version),
    };

    private static Dictionary<string, AttributeValue> WaveToMap(PlanWave wave) => new()
    {
        ["name"] = Attr.S(wave.Name),
        ["description"] = Attr.S(wave.Description),
        ["protectionGroupIds"] = Attr.Strings(wave.ProtectionGroupIds),
        ["pauseBefore"] = Attr.Bool(wave.PauseBefore),
        ["dependsOn"] = Attr.Strings(wave.DependsOn),
        ["defaultCriticality"] = Attr.S(wave.DefaultCriticality.ToString()),
        ["criticalityOverrides"] = Attr.Map(wave.CriticalityOverrides.ToDictionary(p => p.Key, p => Attr.S(p.Value.ToString()))),
    };

    private static PlanWave WaveFromMap(Dictionary<string, AttributeValue> map) => new()
    {
        Name = map.GetS("name"),
        Description = map.GetSOrNull("description") ?? "",
        ProtectionGroupIds = map.GetStrings("protectionGroupIds"),
        PauseBefore = map.GetBoolOrNull("pauseBefore") ?? false,
        DependsOn = map.GetStrings("dependsOn"),
        DefaultCriticality = map.GetEnum<ServerCriticality>("defaultCriticality"),
        CriticalityOverrides = (map.GetMapOrNull("criticalityOverrides") ?? [])
            .ToDictionary(p => p.Key, p => Enum.Parse<ServerCriticality>(p.Value.S)),
    };
}
