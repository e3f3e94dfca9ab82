namespace DrsOrchestrator.Application.ProtectionGroups;

/// <param name="Status">UPDATED | UNCHANGED | FAILED.</param>
/// <param name="ErrorCode">The refusing service's own error code (e.g. EC2's InvalidSubnetID.NotFound) when FAILED.</param>
/// <param name="Error">The service's message, naming the service and the code.</param>
public sealed record LaunchApplyOutcome(string SourceServerId, string Status, string? ErrorCode, string? Error)
{
    public const string Updated = "UPDATED";

    public const string Unchanged = "UNCHANGED";

    public const string Failed = "FAILED";
}
