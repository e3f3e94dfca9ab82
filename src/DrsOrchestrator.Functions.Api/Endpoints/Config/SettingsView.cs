namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

/// <param name="Version">0 while the defaults have never been saved; send it back with PUT.</param>
internal sealed record SettingsView(SettingsDto Settings, long Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);
