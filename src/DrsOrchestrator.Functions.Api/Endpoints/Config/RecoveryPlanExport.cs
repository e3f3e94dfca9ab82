using DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record RecoveryPlanExport(
    string PlanId,
    string Name,
    string Description,
    IReadOnlyList<PlanWaveDto> Waves,
    int? RtoTargetMinutes,
    int? RpoTargetMinutes,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);
