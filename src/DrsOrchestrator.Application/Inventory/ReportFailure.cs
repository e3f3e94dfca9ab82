namespace DrsOrchestrator.Application.Inventory;

/// <param name="SourceServerId">Null for a wave-level failure.</param>
public sealed record ReportFailure(string WaveName, string? SourceServerId, string Reason);
