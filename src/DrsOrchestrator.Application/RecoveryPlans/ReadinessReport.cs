namespace DrsOrchestrator.Application.RecoveryPlans;

/// <param name="Ready">True when no check failed and none is unknown: an unreadable quota never counts as ready.</param>
public sealed record ReadinessReport(string PlanId, string PlanName, bool Ready, ReadinessStatus Status, int ServerCount, DateTimeOffset CheckedAt, IReadOnlyList<ReadinessCheck> Checks);
