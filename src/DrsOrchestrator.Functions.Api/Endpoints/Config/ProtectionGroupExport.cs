using DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record ProtectionGroupExport(
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
    DateTimeOffset UpdatedAt);
