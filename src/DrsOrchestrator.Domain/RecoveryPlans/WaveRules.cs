using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.RecoveryPlans;

internal static class WaveRules
{
    public static void Validate(IReadOnlyList<PlanWave> waves, IReadOnlySet<string>? existingGroupIds, ValidationProblems problems)
    {
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var waveOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < waves.Count; i++)
        {
            var field = $"waves[{i}]";
            var wave = waves[i];
            if (wave is null)
            {
                problems.Add(field, ErrorCodes.InvalidWave, "A wave cannot be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(wave.Name))
            {
                problems.Add(field + ".name", ErrorCodes.MissingField, "Every wave needs a name.");
            }
            else if (wave.Name.Length > RecoveryPlanLimits.MaxWaveNameLength)
            {
                problems.Add(field + ".name", ErrorCodes.InvalidWave, $"A wave name is at most {RecoveryPlanLimits.MaxWaveNameLength} characters.");
            }
            else if (!indexByName.TryAdd(wave.Name, i))
            {
                problems.Add(field + ".name", ErrorCodes.DuplicateWaveName, $"Wave name '{wave.Name}' is already used by waves[{indexByName[wave.Name]}].");
            }

            if (i == 0 && wave.PauseBefore)
            {
                problems.Add(field + ".pauseBefore", ErrorCodes.FirstWavePause, "The first wave cannot pause before it starts; ask for that when starting the execution instead.");
            }

            ValidateGroups(wave, field, existingGroupIds, waveOfGroup, i, problems);
            ValidateCriticality(wave, field, problems);
        }

        if (waveOfGroup.Count > RecoveryPlanLimits.MaxProtectionGroups)
        {
            problems.Add(
                "waves",
                ErrorCodes.LimitExceeded,
                $"A plan names at most {RecoveryPlanLimits.MaxProtectionGroups} distinct protection groups; this one names {waveOfGroup.Count}.");
        }

        ValidateDependencies(waves, indexByName, problems);
    }

    private static void ValidateGroups(PlanWave wave, string field, IReadOnlySet<string>? existingGroupIds, Dictionary<string, int> waveOfGroup, int index, ValidationProblems problems)
    {
        var groups = wave.ProtectionGroupIds ?? [];
        if (groups.Count == 0)
        {
            problems.Add(field + ".protectionGroupIds", ErrorCodes.InvalidWave, "A wave needs at least one protection group.");
            return;
        }

        if (groups.Count > RecoveryPlanLimits.MaxGroupsPerWave)
        {
            problems.Add(field + ".protectionGroupIds", ErrorCodes.LimitExceeded, $"A wave has at most {RecoveryPlanLimits.MaxGroupsPerWave} protection groups.");
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var groupField = $"{field}.protectionGroupIds[{g}]";
            var groupId = groups[g];
            if (string.IsNullOrWhiteSpace(groupId))
            {
                problems.Add(groupField, ErrorCodes.InvalidWave, "A protection group ID cannot be empty.");
                continue;
            }

            if (!waveOfGroup.TryAdd(groupId, index))
            {
                // Launching the same servers twice in one run would start a second recovery instance for each.
                problems.Add(groupField, ErrorCodes.DuplicateWaveGroup, $"Protection group '{groupId}' is already in waves[{waveOfGroup[groupId]}].");
            }
            else if (existingGroupIds is not null && !existingGroupIds.Contains(groupId))
            {
                problems.Add(groupField, ErrorCodes.UnknownProtectionGroup, $"Protection group '{groupId}' does not exist.");
            }
        }
    }

    private static void ValidateCriticality(PlanWave wave, string field, ValidationProblems problems)
    {
        if (!Enum.IsDefined(wave.DefaultCriticality))
        {
            problems.Add(field + ".defaultCriticality", ErrorCodes.InvalidWave, "defaultCriticality must be CRITICAL or OPTIONAL.");
        }

        foreach (var (serverId, criticality) in (wave.CriticalityOverrides ?? new Dictionary<string, ServerCriticality>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!AwsIdentifiers.IsSourceServerId(serverId))
            {
                problems.Add($"{field}.criticalityOverrides[{serverId}]", ErrorCodes.InvalidWave, $"'{serverId}' is not a DRS source server ID.");
            }
            else if (!Enum.IsDefined(criticality))
            {
                problems.Add($"{field}.criticalityOverrides[{serverId}]", ErrorCodes.InvalidWave, "Criticality must be CRITICAL or OPTIONAL.");
            }
        }
    }

    private static void ValidateDependencies(IReadOnlyList<PlanWave> waves, Dictionary<string, int> indexByName, ValidationProblems problems)
    {
        var edges = new List<int>[waves.Count];
        for (var i = 0; i < waves.Count; i++)
        {
            edges[i] = [];
            var dependsOn = waves[i]?.DependsOn ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var d = 0; d < dependsOn.Count; d++)
            {
                var field = $"waves[{i}].dependsOn[{d}]";
                var name = dependsOn[d];
                if (name is null || !indexByName.TryGetValue(name, out var target))
                {
                    problems.Add(field, ErrorCodes.UnknownWaveDependency, $"No wave is named '{name}'.");
                    continue;
                }

                if (!seen.Add(name))
                {
                    problems.Add(field, ErrorCodes.InvalidWave, $"'{name}' is listed more than once.");
                    continue;
                }

                edges[i].Add(target);
                if (target > i)
                {
                    problems.Add(field, ErrorCodes.WaveForwardDependency, $"'{name}' runs after this wave; a wave can only depend on earlier waves.");
                }
            }
        }

        foreach (var i in WavesOnCycles(edges))
        {
            problems.Add($"waves[{i}].dependsOn", ErrorCodes.WaveDependencyCycle, $"Wave '{waves[i].Name}' is part of a dependency cycle.");
        }
    }

    /// <summary>
    /// Peels off waves that have no remaining dependencies or no remaining dependants until nothing
    /// changes; what is left lies on a cycle (or between cycles). Iterative, so a hostile input with
    /// thousands of waves cannot exhaust the stack.
    /// </summary>
    private static IEnumerable<int> WavesOnCycles(List<int>[] edges)
    {
        var n = edges.Length;
        var alive = Enumerable.Repeat(true, n).ToArray();
        bool changed;
        do
        {
            changed = false;
            var hasIncoming = new bool[n];
            var hasOutgoing = new bool[n];
            for (var i = 0; i < n; i++)
            {
                if (!alive[i])
                {
                    continue;
                }

                foreach (var j in edges[i])
                {
                    if (alive[j])
                    {
                        hasOutgoing[i] = true;
                        hasIncoming[j] = true;
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (alive[i] && (!hasIncoming[i] || !hasOutgoing[i]))
                {
                    alive[i] = false;
                    changed = true;
                }
            }
        }
        while (changed);

        return Enumerable.Range(0, n).Where(i => alive[i]);
    }
}
