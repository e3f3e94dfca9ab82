namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="RecoverySnapshotId">Null launches from the latest point in time.</param>
public sealed record DrsRecoverySource(string SourceServerId, string? RecoverySnapshotId = null);
