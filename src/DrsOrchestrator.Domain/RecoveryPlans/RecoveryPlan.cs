using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.RecoveryPlans;

/// <summary>
/// Ordered waves of protection groups. Public init members are the persisted state; <see cref="Create"/>
/// and <see cref="Update"/> are the validated ways to change it.
/// </summary>
public sealed record RecoveryPlan
{
    public required string PlanId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required IReadOnlyList<PlanWave> Waves { get; init; }

    public int? RtoTargetMinutes { get; init; }

    public int? RpoTargetMinutes { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-locking version; the repository sets and bumps it.</summary>
    public long Version { get; init; }

    /// <summary>Every protection group the plan uses, in wave order.</summary>
    public IEnumerable<string> ProtectionGroupIds => Waves.SelectMany(w => w.ProtectionGroupIds);

    /// <param name="existingGroupIds">The protection groups that exist now; a wave naming any other is rejected.</param>
    public static RecoveryPlan Create(string planId, RecoveryPlanDraft draft, IReadOnlySet<string> existingGroupIds, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        if (string.IsNullOrWhiteSpace(planId))
        {
            problems.Add("planId", ErrorCodes.MissingField, "planId is required.");
        }

        problems.AddRange(Validate(draft, existingGroupIds));
        problems.ThrowIfAny("Recovery plan");
        return new RecoveryPlan
        {
            PlanId = planId,
            Name = draft.Name.Trim(),
            Description = draft.Description,
            Waves = draft.Waves,
            RtoTargetMinutes = draft.RtoTargetMinutes,
            RpoTargetMinutes = draft.RpoTargetMinutes,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
            Version = 0,
        };
    }

    public RecoveryPlan Update(RecoveryPlanDraft draft, IReadOnlySet<string> existingGroupIds, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        problems.AddRange(Validate(draft, existingGroupIds));
        problems.ThrowIfAny("Recovery plan");
        return this with
        {
            Name = draft.Name.Trim(),
            Description = draft.Description,
            Waves = draft.Waves,
            RtoTargetMinutes = draft.RtoTargetMinutes,
            RpoTargetMinutes = draft.RpoTargetMinutes,
            UpdatedBy = actor,
            UpdatedAt = now,
        };
    }

    public RecoveryPlanDraft ToDraft() => new()
    {
        Name = Name,
        Description = Description,
        Waves = Waves,
        RtoTargetMinutes = RtoTargetMinutes,
        RpoTargetMinutes = RpoTargetMinutes,
    };

    /// <summary>Every rule the draft breaks; empty when valid. Pass null for <paramref name="existingGroupIds"/> to skip the existence check.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(RecoveryPlanDraft draft, IReadOnlySet<string>? existingGroupIds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add("name", ErrorCodes.MissingField, "name is required.");
        }
        else if (draft.Name.Trim().Length > RecoveryPlanLimits.MaxNameLength)
        {
            problems.Add("name", ErrorCodes.InvalidField, $"name must be at most {RecoveryPlanLimits.MaxNameLength} characters.");
        }

        if (draft.Description is null)
        {
            problems.Add("description", ErrorCodes.InvalidField, "description must be a string (it may be empty).");
        }
        else if (draft.Description.Length > RecoveryPlanLimits.MaxDescriptionLength)
        {
            problems.Add("description", ErrorCodes.InvalidField, $"description must be at most {RecoveryPlanLimits.MaxDescriptionLength} characters.");
        }

        ValidateObjective(draft.RtoTargetMinutes, "rtoTargetMinutes", problems);
        ValidateObjective(draft.RpoTargetMinutes, "rpoTargetMinutes", problems);

        var waves = draft.Waves ?? [];
        if (waves.Count == 0)
        {
            problems.Add("waves", ErrorCodes.PlanHasNoWaves, "A plan needs at least one wave.");
            return problems.Items;
        }

        if (waves.Count > RecoveryPlanLimits.MaxWaves)
        {
            problems.Add("waves", ErrorCodes.LimitExceeded, $"A plan has at most {RecoveryPlanLimits.MaxWaves} waves.");
        }

        WaveRules.Validate(waves, existingGroupIds, problems);
        return problems.Items;
    }

    private static void ValidateObjective(int? minutes, string field, ValidationProblems problems)
    {
        if (minutes is { } m && (m < 1 || m > RecoveryPlanLimits.MaxObjectiveMinutes))
        {
            problems.Add(field, ErrorCodes.InvalidRecoveryObjective, $"{field} must be between 1 and {RecoveryPlanLimits.MaxObjectiveMinutes} minutes.");
        }
    }
}
