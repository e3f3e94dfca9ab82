namespace DrsOrchestrator.Functions.Api.Endpoints.System;

internal sealed record HealthResponse(string Status, string Version, DateTimeOffset Time);
