namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="Ec2InstanceState">PENDING | RUNNING | STOPPING | STOPPED | SHUTTING-DOWN | TERMINATED | NOT_FOUND.</param>
public sealed record DrsRecoveryInstance(
    string RecoveryInstanceId,
    string? Arn,
    string? Ec2InstanceId,
    string? Ec2InstanceState,
    string? SourceServerId,
    string? JobId,
    bool IsDrill,
    DateTimeOffset? PointInTimeSnapshotDateTime,
    IReadOnlyDictionary<string, string> Tags);
