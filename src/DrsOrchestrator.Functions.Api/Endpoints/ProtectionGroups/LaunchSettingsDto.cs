namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

/// <summary>Every member optional: null leaves what DRS has.</summary>
/// <param name="RightSizing">NONE | BASIC | IN_AWS.</param>
/// <param name="LaunchDisposition">STOPPED | STARTED.</param>
/// <param name="Licensing">BYOL | LICENSE_INCLUDED.</param>
internal sealed record LaunchSettingsDto(
    string? SubnetId = null,
    IReadOnlyList<string>? SecurityGroupIds = null,
    string? InstanceType = null,
    string? RightSizing = null,
    bool? CopyPrivateIp = null,
    bool? CopyTags = null,
    string? LaunchDisposition = null,
    string? Licensing = null,
    string? InstanceProfile = null);
