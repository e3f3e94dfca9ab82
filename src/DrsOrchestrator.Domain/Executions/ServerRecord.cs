using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Domain.Executions;

/// <summary>One source server's part in a wave.</summary>
public sealed record ServerRecord
{
    public required string SourceServerId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required ServerCriticality Criticality { get; init; }

    public ServerLaunchStatus LaunchStatus { get; init; } = ServerLaunchStatus.NotStarted;

    public string? JobId { get; init; }

    public string? RecoveryInstanceId { get; init; }

    public string? Ec2InstanceId { get; init; }

    public DateTimeOffset? LaunchStartedAt { get; init; }

    public DateTimeOffset? LaunchEndedAt { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>Launched or failed: nothing more will happen to this server in its wave.</summary>
    public bool IsLaunchFinished => LaunchStatus is ServerLaunchStatus.Launched or ServerLaunchStatus.Failed or ServerLaunchStatus.Terminated;

    /// <summary>A terminated instance did not survive the wave, so it counts as a failed recovery.</summary>
    public bool IsFailed => LaunchStatus is ServerLaunchStatus.Failed or ServerLaunchStatus.Terminated;
}
