using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Inventory;

/// <summary>The evidence of one run, as an auditor or a post-incident review asks for it.</summary>
/// <param name="RtoTargetMinutes">The plan's target when the run started (planned).</param>
/// <param name="ActualMinutes">Start to end of the run (or to now while it runs).</param>
/// <param name="RtoMet">Null when the plan set no target or the run has not ended.</param>
/// <param name="UndeliveredEvents">Events of the run EventBridge rejected until the outbox gave up on them (docs/adr/0009): consumers never saw these.</param>
public sealed record ExecutionReport(
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
    int? RtoTargetMinutes,
    double? ActualMinutes,
    bool? RtoMet,
    IReadOnlyList<WaveReport> Waves,
    IReadOnlyList<ReportFailure> Failures,
    IReadOnlyList<AuditEntry> OperatorActions,
    TerminationState Cleanup,
    string? FailureCause,
    IReadOnlyList<UndeliverableEvent> UndeliveredEvents,
    DateTimeOffset GeneratedAt);
