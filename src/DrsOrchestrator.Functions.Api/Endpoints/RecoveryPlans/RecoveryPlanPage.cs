namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

internal sealed record RecoveryPlanPage(IReadOnlyList<RecoveryPlanView> Items, string? NextToken);
