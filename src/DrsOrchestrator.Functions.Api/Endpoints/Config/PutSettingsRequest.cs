namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record PutSettingsRequest(long Version, SettingsDto Settings);
