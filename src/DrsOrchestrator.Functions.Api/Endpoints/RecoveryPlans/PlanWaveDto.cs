namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

/// <param name="DefaultCriticality">CRITICAL (default) | OPTIONAL.</param>
/// <param name="CriticalityOverrides">Per source server ID: CRITICAL | OPTIONAL.</param>
internal sealed record PlanWaveDto(
    string Name,
    IReadOnlyList<string> ProtectionGroupIds,
    string? Description = null,
    bool? PauseBefore = null,
    IReadOnlyList<string>? DependsOn = null,
    string? DefaultCriticality = null,
    IReadOnlyDictionary<string, string>? CriticalityOverrides = null);
