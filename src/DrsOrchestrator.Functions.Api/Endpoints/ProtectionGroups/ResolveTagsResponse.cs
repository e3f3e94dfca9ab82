using DrsOrchestrator.Functions.Api.Endpoints.Drs;

namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

/// <param name="Matches">Matching servers; <c>protectionGroupId</c> names a group that already selects one.</param>
internal sealed record ResolveTagsResponse(string AccountId, string Region, int ScannedServers, IReadOnlyList<SourceServerView> Matches);
