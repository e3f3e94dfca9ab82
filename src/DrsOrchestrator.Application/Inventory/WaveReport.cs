using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Application.Inventory;

/// <param name="PauseBefore">Planned: the wave waited for an operator before it started.</param>
/// <param name="DependsOn">Planned: waves that had to end first.</param>
public sealed record WaveReport(
    int WaveIndex,
    string Name,
    IReadOnlyList<string> ProtectionGroupIds,
    bool PauseBefore,
    IReadOnlyList<string> DependsOn,
    WaveStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double? DurationSeconds,
    IReadOnlyList<string> JobIds,
    string? FailureReason,
    IReadOnlyList<ServerReport> Servers);
