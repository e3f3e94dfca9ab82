using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.RecoveryPlans;

/// <param name="UnreadableLocations">Account/regions DRS could not be listed in, with why; their servers are absent from <paramref name="Servers"/>.</param>
public sealed record PlanFleetSnapshot(
    IReadOnlyDictionary<string, ProtectionGroup> Groups,
    IReadOnlyList<string> MissingGroupIds,
    IReadOnlyList<PlanServer> Servers,
    IReadOnlyDictionary<AccountRegion, string> UnreadableLocations);
