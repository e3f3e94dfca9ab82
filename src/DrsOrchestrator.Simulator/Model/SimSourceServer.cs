namespace DrsOrchestrator.Simulator.Model;

/// <summary>A replicating source server in one account + region.</summary>
public sealed record SimSourceServer
{
    public required string SourceServerId { get; init; }

    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string Hostname { get; init; }

    public required string Fqdn { get; init; }

    public required IReadOnlyList<string> Ips { get; init; }

    public required string MacAddress { get; init; }

    /// <summary>LINUX or WINDOWS.</summary>
    public required string Os { get; init; }

    public required string OsFullString { get; init; }

    public required int Cpus { get; init; }

    public required long RamBytes { get; init; }

    public required IReadOnlyList<long> DiskBytes { get; init; }

    public required string RecommendedInstanceType { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>A DataReplicationState value (CONTINUOUS, STALLED, DISCONNECTED, ...).</summary>
    public required string ReplicationState { get; init; }

    public required TimeSpan ReplicationLag { get; init; }

    /// <summary>Archived servers stay listed but can no longer be recovered.</summary>
    public bool IsArchived { get; init; }

    public required DateTimeOffset AddedToService { get; init; }

    public required SimLaunchConfiguration LaunchConfiguration { get; init; }

    /// <summary>NOT_STARTED, PENDING, SUCCEEDED or FAILED.</summary>
    public string LastLaunchResult { get; init; } = "NOT_STARTED";

    public string? LastLaunchJobId { get; init; }

    /// <summary>RECOVERY or DRILL.</summary>
    public string? LastLaunchType { get; init; }

    public DateTimeOffset? LastLaunchInitiated { get; init; }

    public string? RecoveryInstanceId { get; init; }
}
