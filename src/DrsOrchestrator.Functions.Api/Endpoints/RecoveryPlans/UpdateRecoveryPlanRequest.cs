namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

/// <param name="Version">The version the caller read; a stale one gets 409 VERSION_CONFLICT.</param>
internal sealed record UpdateRecoveryPlanRequest(
    long Version,
    string Name,
    IReadOnlyList<PlanWaveDto> Waves,
    string? Description = null,
    int? RtoTargetMinutes = null,
    int? RpoTargetMinutes = null);
