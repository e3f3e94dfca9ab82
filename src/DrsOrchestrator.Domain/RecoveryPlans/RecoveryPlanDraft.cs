namespace DrsOrchestrator.Domain.RecoveryPlans;

/// <summary>The fields a user edits; <see cref="RecoveryPlan.Create"/> and <see cref="RecoveryPlan.Update"/> validate it.</summary>
public sealed record RecoveryPlanDraft
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required IReadOnlyList<PlanWave> Waves { get; init; }

    public int? RtoTargetMinutes { get; init; }

    public int? RpoTargetMinutes { get; init; }
}
