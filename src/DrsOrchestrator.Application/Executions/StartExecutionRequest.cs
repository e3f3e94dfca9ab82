using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.Executions;

/// <summary>What an operator, a script or a schedule asks for when running a plan.</summary>
/// <param name="Plan">The plan as loaded now; it is validated again against DRS and snapshotted into the execution.</param>
/// <param name="InitiatedBy">The caller's identity (e-mail or sub), recorded in the audit trail.</param>
/// <param name="PauseBeforeFirstWave">Wait for a resume before wave 1 (a final go/no-go for this run only).</param>
public sealed record StartExecutionRequest(
    RecoveryPlan Plan,
    ExecutionType Type,
    string InitiatedBy,
    InvocationSource InvocationSource,
    bool PauseBeforeFirstWave = false);
