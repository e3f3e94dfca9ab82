namespace DrsOrchestrator.Simulator.Model;

/// <summary>A DRS job (DescribeJobs' shape).</summary>
public sealed record SimJob
{
    public required string JobId { get; init; }

    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>LAUNCH or TERMINATE.</summary>
    public required string Type { get; init; }

    /// <summary>START_RECOVERY, START_DRILL or TERMINATE_RECOVERY_INSTANCES.</summary>
    public required string InitiatedBy { get; init; }

    /// <summary>PENDING, STARTED or COMPLETED.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreationDateTime { get; init; }

    public DateTimeOffset? EndDateTime { get; init; }

    public required bool IsDrill { get; init; }

    public required IReadOnlyList<SimParticipatingServer> ParticipatingServers { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
