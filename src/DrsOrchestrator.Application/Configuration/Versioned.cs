namespace DrsOrchestrator.Application.Configuration;

/// <param name="Version">0 while the defaults have never been saved.</param>
public sealed record Versioned<T>(T Value, long Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);
