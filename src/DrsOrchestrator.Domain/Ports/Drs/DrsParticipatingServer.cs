namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="LaunchStatus">PENDING | IN_PROGRESS | LAUNCHED | FAILED | TERMINATED (see <see cref="DrsLaunchStatus"/>).</param>
public sealed record DrsParticipatingServer(string SourceServerId, string? LaunchStatus, string? RecoveryInstanceId);
