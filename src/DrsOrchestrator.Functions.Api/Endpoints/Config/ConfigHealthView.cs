using DrsOrchestrator.Application.Configuration;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

/// <param name="Status">OK | DEGRADED | FAILED: the worst check's.</param>
internal sealed record ConfigHealthView(string Status, IReadOnlyList<HealthCheckResult> Checks);
