namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

/// <param name="Type">DRILL | RECOVERY.</param>
/// <param name="InvocationSource">CONSOLE | API (default API).</param>
internal sealed record StartExecutionRequest(string PlanId, string Type, bool? PauseBeforeFirstWave = null, string? InvocationSource = null);
