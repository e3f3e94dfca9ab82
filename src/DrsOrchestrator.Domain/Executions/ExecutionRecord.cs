using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Domain.Executions;

/// <summary>
/// The persisted state of an execution. It is plain data so the repository can store and load it;
/// changes go through <see cref="Execution"/>, which enforces the status machines.
/// </summary>
public sealed record ExecutionRecord
{
    public required string ExecutionId { get; init; }

    public required string PlanId { get; init; }

    /// <summary>The plan as it was when the run started; later edits to the plan do not change a run.</summary>
    public required RecoveryPlan Plan { get; init; }

    public required ExecutionType Type { get; init; }

    public required ExecutionStatus Status { get; init; }

    public ExecutionOptions Options { get; init; } = ExecutionOptions.Default;

    public required string InitiatedBy { get; init; }

    public required InvocationSource InvocationSource { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The wave started last, or null before the first one starts.</summary>
    public int? CurrentWaveIndex { get; init; }

    /// <summary>An operator asked to pause; the engine pauses at the next wave boundary.</summary>
    public bool PauseRequested { get; init; }

    public required IReadOnlyList<WaveRecord> Waves { get; init; }

    public WaitingTask? WaitingTask { get; init; }

    public string? WorkflowExecutionArn { get; init; }

    public string? FailureCause { get; init; }

    public TerminationState Termination { get; init; } = TerminationState.None;

    public IReadOnlyList<AuditEntry> Audit { get; init; } = [];

    /// <summary>Optimistic-locking version; the repository sets and bumps it.</summary>
    public long Version { get; init; }
}
