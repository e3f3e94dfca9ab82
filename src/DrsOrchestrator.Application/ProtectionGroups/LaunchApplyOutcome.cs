namespace DrsOrchestrator.Application.ProtectionGroups;

/// <param name="Status">UPDATED | UNCHANGED | FAILED.</param>
public sealed record LaunchApplyOutcome(string SourceServerId, string Status, string? Error);
