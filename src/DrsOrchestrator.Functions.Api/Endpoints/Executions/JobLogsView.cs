using DrsOrchestrator.Application.Inventory;

namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

internal sealed record JobLogsView(string ExecutionId, IReadOnlyList<ExecutionJobLog> Jobs);
