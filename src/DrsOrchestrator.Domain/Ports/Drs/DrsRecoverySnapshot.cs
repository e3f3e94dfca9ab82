namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed record DrsRecoverySnapshot(
    string SnapshotId,
    string SourceServerId,
    DateTimeOffset? ExpectedTimestamp,
    DateTimeOffset? Timestamp,
    IReadOnlyList<string> EbsSnapshots);
