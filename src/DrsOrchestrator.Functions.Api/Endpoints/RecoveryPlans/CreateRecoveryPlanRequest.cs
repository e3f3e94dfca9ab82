namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

internal sealed record CreateRecoveryPlanRequest(
    string Name,
    IReadOnlyList<PlanWaveDto> Waves,
    string? Description = null,
    int? RtoTargetMinutes = null,
    int? RpoTargetMinutes = null);
