namespace DrsOrchestrator.Application.Inventory;

/// <param name="Search">Case-insensitive substring of the server ID, hostname or Name tag.</param>
/// <param name="Tags">Every pair must match exactly (AND), as protection group tag criteria do.</param>
/// <param name="Unassigned">True: only servers no protection group selects; false: only selected ones.</param>
public sealed record SourceServerFilter(string? Search, string? ReplicationState, IReadOnlyDictionary<string, string> Tags, bool? Unassigned);
