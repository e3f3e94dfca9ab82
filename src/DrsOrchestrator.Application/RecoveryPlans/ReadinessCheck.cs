namespace DrsOrchestrator.Application.RecoveryPlans;

/// <param name="Name">SERVERS_EXIST | REPLICATION_HEALTHY | REPLICATION_LAG | LAUNCH_SETTINGS | QUOTAS | NO_CONFLICTS.</param>
/// <param name="Findings">One line per server, group or location that caused the status.</param>
public sealed record ReadinessCheck(string Name, ReadinessStatus Status, string Message, IReadOnlyList<ReadinessFinding> Findings);
