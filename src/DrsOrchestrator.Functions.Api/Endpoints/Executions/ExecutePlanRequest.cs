namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

/// <param name="Type">DRILL | RECOVERY.</param>
/// <param name="InvocationSource">CONSOLE | API (default API); schedules start runs through the poller, not the API.</param>
internal sealed record ExecutePlanRequest(string Type, bool? PauseBeforeFirstWave = null, string? InvocationSource = null);
