using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.Inventory;

/// <param name="ProtectionGroupId">The group that selects the server (by ID or by tags), or null.</param>
public sealed record SourceServerEntry(DrsSourceServer Server, string? ProtectionGroupId);
