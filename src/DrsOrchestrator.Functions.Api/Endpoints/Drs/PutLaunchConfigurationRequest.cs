namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

/// <summary>A partial update: members left out keep their DRS value.</summary>
/// <param name="LaunchDisposition">STOPPED | STARTED.</param>
/// <param name="TargetInstanceTypeRightSizingMethod">NONE | BASIC | IN_AWS.</param>
internal sealed record PutLaunchConfigurationRequest(
    string? Name = null,
    bool? CopyPrivateIp = null,
    bool? CopyTags = null,
    string? LaunchDisposition = null,
    string? TargetInstanceTypeRightSizingMethod = null,
    bool? OsByol = null,
    bool? PostLaunchEnabled = null);
