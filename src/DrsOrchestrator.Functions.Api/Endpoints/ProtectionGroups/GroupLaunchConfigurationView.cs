namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record GroupLaunchConfigurationView(
    string GroupId,
    LaunchSettingsDto LaunchSettings,
    IReadOnlyDictionary<string, LaunchSettingsDto> ServerOverrides,
    long Version);
