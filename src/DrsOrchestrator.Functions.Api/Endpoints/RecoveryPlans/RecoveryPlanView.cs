namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

internal sealed record RecoveryPlanView(
    string PlanId,
    string Name,
    string Description,
    IReadOnlyList<PlanWaveDto> Waves,
    int? RtoTargetMinutes,
    int? RpoTargetMinutes,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    long Version);
