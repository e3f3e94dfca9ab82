namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>Narrows a protection group list; every member that is set must match.</summary>
/// <param name="AccountId">Exact account id.</param>
/// <param name="Region">Exact region.</param>
/// <param name="NameContains">Part of the name, compared case-insensitively.</param>
public sealed record ProtectionGroupFilter(string? AccountId = null, string? Region = null, string? NameContains = null);
