namespace DrsOrchestrator.Domain.RecoveryPlans;

public static class RecoveryPlanLimits
{
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 1024;
    public const int MaxWaves = 50;
    public const int MaxWaveNameLength = 128;
    public const int MaxGroupsPerWave = 50;

    /// <summary>
    /// The most distinct protection groups one plan may name, across its waves: the plan's write, its
    /// no-active-execution check and its reference changes (groups added and dropped, docs/adr/0010) must fit
    /// one DynamoDB transaction of 100 items; a renaming update that swaps all 48 groups uses exactly 100. Checked here so a draft is refused with every other problem, before anything is written.
    /// </summary>
    public const int MaxProtectionGroups = 48;

    /// <summary>Objectives beyond a week are not recovery objectives any more; a typo is likelier.</summary>
    public const int MaxObjectiveMinutes = 7 * 24 * 60;
}
