namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

/// <param name="ConfirmRecovery">Required true to terminate a RECOVERY's instances (they run the business).</param>
internal sealed record TerminateInstancesRequest(bool? ConfirmRecovery = null);
