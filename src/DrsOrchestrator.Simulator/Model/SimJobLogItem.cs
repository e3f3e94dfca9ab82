namespace DrsOrchestrator.Simulator.Model;

/// <summary>One job log event (JOB_START, SNAPSHOT_START, ..., LAUNCH_FAILED, JOB_END).</summary>
public sealed record SimJobLogItem(
    string Event,
    DateTimeOffset LogDateTime,
    string? SourceServerId,
    string? ConversionServerId = null,
    string? TargetInstanceId = null,
    string? RawError = null);
