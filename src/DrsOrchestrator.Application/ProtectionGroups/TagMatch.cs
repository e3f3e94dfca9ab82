using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.ProtectionGroups;

/// <param name="OwningGroupId">The group that already selects the server, if any: saving would conflict unless it is the group being edited.</param>
public sealed record TagMatch(DrsSourceServer Server, string? OwningGroupId);
