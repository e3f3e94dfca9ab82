namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="ReplicationState">DRS's dataReplicationState, e.g. CONTINUOUS, INITIAL_SYNC, STALLED, DISCONNECTED.</param>
/// <param name="ReplicationLag">Parsed from DRS's ISO-8601 lagDuration; null when DRS reports none.</param>
/// <param name="LastLaunchResult">NOT_STARTED | PENDING | SUCCEEDED | FAILED.</param>
public sealed record DrsSourceServer(
    string SourceServerId,
    string? Arn,
    string? Hostname,
    IReadOnlyList<string> IpAddresses,
    string? OperatingSystem,
    IReadOnlyDictionary<string, string> Tags,
    string? ReplicationState,
    TimeSpan? ReplicationLag,
    string? LastLaunchResult,
    string? RecoveryInstanceId,
    string? StagingAccountId,
    string? RecommendedInstanceType);
