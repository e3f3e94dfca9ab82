namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed record DrsJobLogEventData(
    string? SourceServerId,
    string? ConversionServerId,
    string? TargetInstanceId,
    string? RawError);
