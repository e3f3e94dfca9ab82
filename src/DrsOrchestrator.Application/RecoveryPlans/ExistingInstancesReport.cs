namespace DrsOrchestrator.Application.RecoveryPlans;

/// <param name="UnreadableLocations">Account/regions whose recovery instances could not be read: the list may be incomplete there.</param>
public sealed record ExistingInstancesReport(string PlanId, int ServersChecked, IReadOnlyList<ExistingInstance> Instances, IReadOnlyList<string> UnreadableLocations);
