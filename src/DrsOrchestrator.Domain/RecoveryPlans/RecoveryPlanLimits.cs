namespace DrsOrchestrator.Domain.RecoveryPlans;

public static class RecoveryPlanLimits
{
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 1024;
    public const int MaxWaves = 50;
    public const int MaxWaveNameLength = 128;
    public const int MaxGroupsPerWave = 50;

    /// <summary>Objectives beyond a week are not recovery objectives any more; a typo is likelier.</summary>
    public const int MaxObjectiveMinutes = 7 * 24 * 60;
}
