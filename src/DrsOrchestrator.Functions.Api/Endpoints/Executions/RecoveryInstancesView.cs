using DrsOrchestrator.Application.Inventory;

namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

internal sealed record RecoveryInstancesView(string ExecutionId, IReadOnlyList<ExecutionRecoveryInstance> Items);
