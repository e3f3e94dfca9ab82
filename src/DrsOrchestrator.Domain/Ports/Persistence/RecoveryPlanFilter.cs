namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>Narrows a recovery plan list.</summary>
/// <param name="NameContains">Part of the name, compared case-insensitively.</param>
public sealed record RecoveryPlanFilter(string? NameContains = null);
