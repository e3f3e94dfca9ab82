using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

internal sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Items, string? NextToken);
