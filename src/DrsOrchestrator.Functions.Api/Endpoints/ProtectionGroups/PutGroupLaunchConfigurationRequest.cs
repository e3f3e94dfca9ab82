namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed record PutGroupLaunchConfigurationRequest(
    long Version,
    LaunchSettingsDto LaunchSettings,
    IReadOnlyDictionary<string, LaunchSettingsDto>? ServerOverrides = null);
