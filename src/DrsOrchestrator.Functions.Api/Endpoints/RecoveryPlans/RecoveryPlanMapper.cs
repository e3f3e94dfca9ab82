using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Functions.Api.Json;

namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

internal static class RecoveryPlanMapper
{
    public static RecoveryPlanDraft ToDraft(string name, string? description, IReadOnlyList<PlanWaveDto> waves, int? rto, int? rpo) => new()
    {
        Name = name,
        Description = description ?? "",
        Waves = [.. waves.Select((w, i) => ToWave(w, $"$.waves[{i}]"))],
        RtoTargetMinutes = rto,
        RpoTargetMinutes = rpo,
    };

    public static PlanWave ToWave(PlanWaveDto dto, string field) => new()
    {
        Name = dto.Name,
        Description = dto.Description ?? "",
        ProtectionGroupIds = dto.ProtectionGroupIds,
        PauseBefore = dto.PauseBefore ?? false,
        DependsOn = dto.DependsOn ?? [],
        DefaultCriticality = dto.DefaultCriticality is null ? ServerCriticality.Critical : WireEnum.Parse<ServerCriticality>(dto.DefaultCriticality, field + ".defaultCriticality"),
        CriticalityOverrides = (dto.CriticalityOverrides ?? new Dictionary<string, string>())
            .ToDictionary(kv => kv.Key, kv => WireEnum.Parse<ServerCriticality>(kv.Value, $"{field}.criticalityOverrides.{kv.Key}"), StringComparer.Ordinal),
    };

    public static PlanWaveDto ToDto(PlanWave wave) => new(
        wave.Name,
        wave.ProtectionGroupIds,
        wave.Description,
        wave.PauseBefore,
        wave.DependsOn,
        WireEnum.Name(wave.DefaultCriticality),
        wave.CriticalityOverrides.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => WireEnum.Name(kv.Value), StringComparer.Ordinal));

    public static RecoveryPlanView ToView(RecoveryPlan plan) => new(
        plan.PlanId,
        plan.Name,
        plan.Description,
        [.. plan.Waves.Select(ToDto)],
        plan.RtoTargetMinutes,
        plan.RpoTargetMinutes,
        plan.CreatedBy,
        plan.CreatedAt,
        plan.UpdatedBy,
        plan.UpdatedAt,
        plan.Version);
}
