namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>DRS <c>launchDisposition</c>: whether the recovery instance is left STOPPED or STARTED.</summary>
public enum LaunchDisposition
{
    Stopped,
    Started,
}
