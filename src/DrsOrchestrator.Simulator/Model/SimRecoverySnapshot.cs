namespace DrsOrchestrator.Simulator.Model;

/// <summary>A point-in-time snapshot a recovery can launch from.</summary>
public sealed record SimRecoverySnapshot(
    string SnapshotId,
    string SourceServerId,
    DateTimeOffset ExpectedTimestamp,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> EbsSnapshots);
