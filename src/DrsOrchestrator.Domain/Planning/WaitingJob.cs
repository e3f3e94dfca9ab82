namespace DrsOrchestrator.Domain.Planning;

/// <summary>A planned job that must not start yet, and why.</summary>
public sealed record WaitingJob(PlannedJob Job, string Reason);
