namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>
/// One settings document (e.g. "app-settings", "tag-sync"). The body is JSON the application owns; persistence
/// only versions it, so a settings shape can evolve without a table change.
/// </summary>
/// <param name="Version">0 for a document never saved; the repository returns the stored version.</param>
public sealed record SettingsDocument(string Key, string Json, long Version, string UpdatedBy, DateTimeOffset UpdatedAt);
