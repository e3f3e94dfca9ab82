namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>One page of a DRS list; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record DrsPage<T>(IReadOnlyList<T> Items, string? NextToken);
