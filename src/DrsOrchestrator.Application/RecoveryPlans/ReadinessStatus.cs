namespace DrsOrchestrator.Application.RecoveryPlans;

/// <summary>Ordered by severity: a report's status is its worst check's.</summary>
public enum ReadinessStatus
{
    Pass,
    Skipped,
    Warn,
    Unknown,
    Fail,
}
