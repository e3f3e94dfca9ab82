namespace DrsOrchestrator.Application.Configuration;

/// <param name="Status">OK | DEGRADED | FAILED.</param>
public sealed record HealthCheckResult(string Name, string Status, string Detail, double DurationMs);
