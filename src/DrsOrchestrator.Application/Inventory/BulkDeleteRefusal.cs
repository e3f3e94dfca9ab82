namespace DrsOrchestrator.Application.Inventory;

/// <param name="Code">EXECUTION_ACTIVE for a run that has not finished.</param>
public sealed record BulkDeleteRefusal(string ExecutionId, string Code, string Message);
