namespace DrsOrchestrator.Application.ProtectionGroups;

/// <param name="ScannedServers">Source servers DRS listed in the account and region.</param>
public sealed record TagResolution(string AccountId, string Region, IReadOnlyList<TagMatch> Matches, int ScannedServers);
