namespace DrsOrchestrator.Simulator.Model;

/// <summary>An EC2 instance DRS launched for a source server.</summary>
public sealed record SimRecoveryInstance
{
    public required string RecoveryInstanceId { get; init; }

    public required string Arn { get; init; }

    public required string Ec2InstanceId { get; init; }

    /// <summary>PENDING, RUNNING, STOPPED, SHUTTING-DOWN or TERMINATED (DRS's EC2 state values).</summary>
    public required string Ec2InstanceState { get; init; }

    public required string SourceServerId { get; init; }

    public required string JobId { get; init; }

    public required bool IsDrill { get; init; }

    public required DateTimeOffset PointInTimeSnapshotDateTime { get; init; }

    public required DateTimeOffset LaunchedAt { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The instance type the launch used (the template's when right-sizing is off); null: the server's recommendation.</summary>
    public string? InstanceType { get; init; }

    /// <summary>The subnet of the launch template's default version at launch; null: one picked from the VPC.</summary>
    public string? SubnetId { get; init; }
}
