namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record CreateProtectionGroupRequest(
    string Name,
    string AccountId,
    string Region,
    ServerSelectionDto Selection,
    string? Description = null,
    LaunchSettingsDto? LaunchSettings = null,
    IReadOnlyDictionary<string, LaunchSettingsDto>? ServerOverrides = null);
