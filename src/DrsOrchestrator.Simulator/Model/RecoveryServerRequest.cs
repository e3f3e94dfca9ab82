namespace DrsOrchestrator.Simulator.Model;

/// <summary>One entry of StartRecovery.sourceServers.</summary>
public sealed record RecoveryServerRequest(string SourceServerId, string? RecoverySnapshotId = null);
