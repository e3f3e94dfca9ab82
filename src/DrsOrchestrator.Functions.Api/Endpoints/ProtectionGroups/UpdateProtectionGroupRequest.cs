namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

/// <param name="Version">The version the caller read; a stale one gets 409 VERSION_CONFLICT.</param>
internal sealed record UpdateProtectionGroupRequest(
    long Version,
    string Name,
    string AccountId,
    string Region,
    ServerSelectionDto Selection,
    string? Description = null,
    LaunchSettingsDto? LaunchSettings = null,
    IReadOnlyDictionary<string, LaunchSettingsDto>? ServerOverrides = null);
