namespace DrsOrchestrator.Domain.Executions;

/// <summary>
/// What DRS says about one server, from a launch-result event or a reconcile poll. Null members mean
/// "not reported", never "cleared".
/// </summary>
public sealed record ServerLaunchUpdate
{
    public required string SourceServerId { get; init; }

    public required ServerLaunchStatus LaunchStatus { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? JobId { get; init; }

    public string? RecoveryInstanceId { get; init; }

    public string? Ec2InstanceId { get; init; }

    public string? FailureReason { get; init; }
}
