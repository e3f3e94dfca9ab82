namespace DrsOrchestrator.Simulator.Model;

/// <summary>One page of a list operation; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record SimPage<T>(IReadOnlyList<T> Items, string? NextToken);
