namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <param name="NextToken">Opaque; pass it back unchanged for the next page. Null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);
