namespace DrsOrchestrator.Simulator.Model;

/// <summary>A server inside a job; launchStatus PENDING, IN_PROGRESS, LAUNCHED, FAILED or TERMINATED.</summary>
public sealed record SimParticipatingServer(string SourceServerId, string LaunchStatus, string? RecoveryInstanceId);
