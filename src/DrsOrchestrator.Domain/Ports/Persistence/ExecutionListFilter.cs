using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>Narrows an execution list; every member that is set must match.</summary>
public sealed record ExecutionListFilter(ExecutionStatus? Status = null, string? PlanId = null, ExecutionType? Type = null);
