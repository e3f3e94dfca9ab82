using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Application.Inventory;

public sealed record ExecutionFilter(ExecutionStatus? Status, string? PlanId, ExecutionType? Type);
