namespace DrsOrchestrator.Application.Inventory;

/// <param name="Set">Tags to add or overwrite.</param>
/// <param name="Remove">Keys to remove; a key cannot be both set and removed.</param>
public sealed record TagChange(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Remove);
