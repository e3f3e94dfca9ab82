namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="Type">LAUNCH | TERMINATE | CREATE_CONVERTED_SNAPSHOT.</param>
/// <param name="Status">PENDING | STARTED | COMPLETED (see <see cref="DrsJobStatus"/>).</param>
/// <param name="InitiatedBy">START_RECOVERY | START_DRILL | TERMINATE_RECOVERY_INSTANCES | ...</param>
public sealed record DrsJob(
    string JobId,
    string? Arn,
    string? Type,
    string? Status,
    string? InitiatedBy,
    DateTimeOffset? CreationDateTime,
    DateTimeOffset? EndDateTime,
    IReadOnlyList<DrsParticipatingServer> ParticipatingServers,
    IReadOnlyDictionary<string, string> Tags);
