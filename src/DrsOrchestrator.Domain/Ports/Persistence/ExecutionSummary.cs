using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>What the history lists show for one execution; read from the header row alone, so listing never loads waves or servers.</summary>
public sealed record ExecutionSummary(
    string ExecutionId,
    string PlanId,
    string PlanName,
    ExecutionType Type,
    ExecutionStatus Status,
    string InitiatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? CurrentWaveIndex,
    int WaveCount,
    long Version);
