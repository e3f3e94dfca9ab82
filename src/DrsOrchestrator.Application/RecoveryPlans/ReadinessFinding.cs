namespace DrsOrchestrator.Application.RecoveryPlans;

/// <param name="Subject">A source server ID, protection group ID, wave name or account/region.</param>
public sealed record ReadinessFinding(string Subject, ReadinessStatus Status, string Message);
