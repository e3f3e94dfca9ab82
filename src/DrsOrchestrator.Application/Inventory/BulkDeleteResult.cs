namespace DrsOrchestrator.Application.Inventory;

public sealed record BulkDeleteResult(IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound, IReadOnlyList<BulkDeleteRefusal> Refused);
