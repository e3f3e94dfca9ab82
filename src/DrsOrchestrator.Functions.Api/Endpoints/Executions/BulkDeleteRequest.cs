namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

internal sealed record BulkDeleteRequest(IReadOnlyList<string> Ids);
