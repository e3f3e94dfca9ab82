using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Planning;

namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

/// <param name="Quota">Only on a start: DRS capacity for the largest wave (Insufficient still starts; jobs wait for capacity).</param>
internal sealed record ExecutionView(
    string ExecutionId,
    string PlanId,
    string PlanName,
    ExecutionType Type,
    ExecutionStatus Status,
    string InitiatedBy,
    InvocationSource InvocationSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? CurrentWaveIndex,
    bool PauseRequested,
    bool PauseBeforeFirstWave,
    IReadOnlyList<WaveRecord> Waves,
    string? FailureCause,
    TerminationState Termination,
    IReadOnlyList<AuditEntry> Audit,
    long Version,
    QuotaCheckResult? Quota)
{
    public static ExecutionView From(Execution execution, QuotaCheckResult? quota = null)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var r = execution.Record;
        return new ExecutionView(
            r.ExecutionId, r.PlanId, r.Plan.Name, r.Type, r.Status, r.InitiatedBy, r.InvocationSource, r.CreatedAt, r.StartedAt, r.EndedAt,
            r.CurrentWaveIndex, r.PauseRequested, r.Options.PauseBeforeFirstWave, r.Waves, r.FailureCause, r.Termination, r.Audit, r.Version, quota);
    }
}
