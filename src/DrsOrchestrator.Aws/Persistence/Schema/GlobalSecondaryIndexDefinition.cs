namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <param name="NonKeyAttributes">Only meaningful with <see cref="IndexProjection.Include"/>.</param>
public sealed record GlobalSecondaryIndexDefinition(
    string IndexName,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IndexProjection Projection,
    IReadOnlyList<string> NonKeyAttributes);
