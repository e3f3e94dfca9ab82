using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>DRS's participating-server launch status names as they appear on the wire.</summary>
public static class DrsLaunchStatus
{
    public const string Pending = "PENDING";
    public const string InProgress = "IN_PROGRESS";
    public const string Launched = "LAUNCHED";
    public const string Failed = "FAILED";
    public const string Terminated = "TERMINATED";

    /// <summary>Maps a wire value onto the domain's status; an unknown or missing value counts as still pending.</summary>
    public static ServerLaunchStatus ToServerLaunchStatus(string? launchStatus) => launchStatus switch
    {
        InProgress => ServerLaunchStatus.InProgress,
        Launched => ServerLaunchStatus.Launched,
        Failed => ServerLaunchStatus.Failed,
        Terminated => ServerLaunchStatus.Terminated,
        _ => ServerLaunchStatus.Pending,
    };
}
