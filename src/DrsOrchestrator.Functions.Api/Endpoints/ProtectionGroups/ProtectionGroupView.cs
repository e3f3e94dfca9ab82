namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record ProtectionGroupView(
    string GroupId,
    string Name,
    string Description,
    string AccountId,
    string Region,
    ServerSelectionDto Selection,
    LaunchSettingsDto LaunchSettings,
    IReadOnlyDictionary<string, LaunchSettingsDto> ServerOverrides,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    long Version);
