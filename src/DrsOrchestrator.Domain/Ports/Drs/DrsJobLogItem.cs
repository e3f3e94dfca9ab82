namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="Event">JOB_START | SNAPSHOT_START | SNAPSHOT_END | CONVERSION_START | CONVERSION_END | LAUNCH_START | LAUNCH_FAILED | JOB_END | ...</param>
public sealed record DrsJobLogItem(string? Event, DrsJobLogEventData? EventData, DateTimeOffset? LogDateTime);
