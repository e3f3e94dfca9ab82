namespace DrsOrchestrator.Application.Configuration;

/// <param name="Tagged">Servers whose tags changed; a server already carrying the tags is only counted as matched.</param>
public sealed record TagSyncLocationResult(string AccountId, string Region, int Scanned, int Matched, int Tagged, int Failed, string? Error);
