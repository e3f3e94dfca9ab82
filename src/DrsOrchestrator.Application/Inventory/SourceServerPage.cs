namespace DrsOrchestrator.Application.Inventory;

/// <param name="Total">Servers matching the filter across all pages.</param>
public sealed record SourceServerPage(IReadOnlyList<SourceServerEntry> Items, int Total, string? NextToken);
