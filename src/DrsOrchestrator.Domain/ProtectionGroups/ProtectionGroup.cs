using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.ProtectionGroups;

/// <summary>
/// A set of DRS source servers in one account and region with the launch settings to apply to them.
/// The public init members are the persisted state (the repository rehydrates with an object
/// initializer); <see cref="Create"/> and <see cref="Update"/> are the validated ways to change it.
/// </summary>
public sealed record ProtectionGroup
{
    public required string GroupId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required ServerSelection Selection { get; init; }

    public LaunchSettings LaunchSettings { get; init; } = LaunchSettings.Empty;

    public IReadOnlyDictionary<string, LaunchSettings> ServerOverrides { get; init; } = new Dictionary<string, LaunchSettings>();

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-locking version; the repository sets and bumps it, the domain never does.</summary>
    public long Version { get; init; }

    /// <exception cref="DomainException">Validation, with every problem listed under <see cref="ValidationProblems.DetailsKey"/>.</exception>
    public static ProtectionGroup Create(string groupId, ProtectionGroupDraft draft, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        if (string.IsNullOrWhiteSpace(groupId))
        {
            problems.Add("groupId", ErrorCodes.MissingField, "groupId is required.");
        }

        problems.AddRange(Validate(draft));
        problems.ThrowIfAny("Protection group");
        return new ProtectionGroup
        {
            GroupId = groupId,
            Name = draft.Name.Trim(),
            Description = draft.Description,
            AccountId = draft.AccountId,
            Region = draft.Region,
            Selection = draft.Selection,
            LaunchSettings = draft.LaunchSettings,
            ServerOverrides = draft.ServerOverrides,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
            Version = 0,
        };
    }

    /// <summary>Replaces the editable fields; identity, creation stamp and version carry over.</summary>
    public ProtectionGroup Update(ProtectionGroupDraft draft, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        problems.AddRange(Validate(draft));
        problems.ThrowIfAny("Protection group");
        return this with
        {
            Name = draft.Name.Trim(),
            Description = draft.Description,
            AccountId = draft.AccountId,
            Region = draft.Region,
            Selection = draft.Selection,
            LaunchSettings = draft.LaunchSettings,
            ServerOverrides = draft.ServerOverrides,
            UpdatedBy = actor,
            UpdatedAt = now,
        };
    }

    public ProtectionGroupDraft ToDraft() => new()
    {
        Name = Name,
        Description = Description,
        AccountId = AccountId,
        Region = Region,
        Selection = Selection,
        LaunchSettings = LaunchSettings,
        ServerOverrides = ServerOverrides,
    };

    /// <summary>The settings DRS should hold for one server: the group's, with that server's override on top.</summary>
    public LaunchSettings EffectiveLaunchSettingsFor(string sourceServerId) =>
        LaunchSettings.OverriddenBy(ServerOverrides.GetValueOrDefault(sourceServerId));

    /// <summary>Every rule a draft breaks; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(ProtectionGroupDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add("name", ErrorCodes.MissingField, "name is required.");
        }
        else if (draft.Name.Trim().Length > ProtectionGroupLimits.MaxNameLength)
        {
            problems.Add("name", ErrorCodes.InvalidField, $"name must be at most {ProtectionGroupLimits.MaxNameLength} characters.");
        }

        if (draft.Description is null)
        {
            problems.Add("description", ErrorCodes.InvalidField, "description must be a string (it may be empty).");
        }
        else if (draft.Description.Length > ProtectionGroupLimits.MaxDescriptionLength)
        {
            problems.Add("description", ErrorCodes.InvalidField, $"description must be at most {ProtectionGroupLimits.MaxDescriptionLength} characters.");
        }

        if (string.IsNullOrEmpty(draft.AccountId))
        {
            problems.Add("accountId", ErrorCodes.MissingField, "accountId is required.");
        }
        else if (!AwsIdentifiers.IsAccountId(draft.AccountId))
        {
            problems.Add("accountId", ErrorCodes.InvalidField, "accountId must be 12 digits.");
        }

        if (string.IsNullOrEmpty(draft.Region))
        {
            problems.Add("region", ErrorCodes.MissingField, "region is required.");
        }
        else if (!AwsIdentifiers.IsRegion(draft.Region))
        {
            problems.Add("region", ErrorCodes.InvalidRegion, $"'{draft.Region}' is not an AWS region name.");
        }

        ValidateSelection(draft.Selection, problems);
        LaunchSettingsRules.Validate(draft.LaunchSettings, "launchSettings", problems);
        ValidateOverrides(draft, problems);
        return problems.Items;
    }

    private static void ValidateSelection(ServerSelection? selection, ValidationProblems problems)
    {
        if (selection is null)
        {
            problems.Add("selection", ErrorCodes.MissingField, "selection is required.");
            return;
        }

        switch (selection.Mode)
        {
            case ServerSelectionMode.SourceServerIds:
                ValidateServerIds(selection.SourceServerIds ?? [], problems);
                if (selection.TagCriteria is { Count: > 0 })
                {
                    problems.Add("selection.tagCriteria", ErrorCodes.InvalidServerSelection, "A selection by source server IDs cannot also carry tag criteria.");
                }

                break;
            case ServerSelectionMode.Tags:
                ValidateTagCriteria(selection.TagCriteria ?? [], problems);
                if (selection.SourceServerIds is { Count: > 0 })
                {
                    problems.Add("selection.sourceServerIds", ErrorCodes.InvalidServerSelection, "A selection by tags cannot also list source server IDs.");
                }

                break;
            default:
                problems.Add("selection.mode", ErrorCodes.InvalidServerSelection, "selection.mode must be SOURCE_SERVER_IDS or TAGS.");
                break;
        }
    }

    private static void ValidateServerIds(IReadOnlyList<string> ids, ValidationProblems problems)
    {
        if (ids.Count == 0)
        {
            problems.Add("selection.sourceServerIds", ErrorCodes.InvalidServerSelection, "At least one source server ID is required.");
            return;
        }

        if (ids.Count > ProtectionGroupLimits.MaxSourceServers)
        {
            problems.Add("selection.sourceServerIds", ErrorCodes.LimitExceeded, $"A group holds at most {ProtectionGroupLimits.MaxSourceServers} source servers.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"selection.sourceServerIds[{i}]";
            if (!AwsIdentifiers.IsSourceServerId(ids[i]))
            {
                problems.Add(field, ErrorCodes.InvalidServerSelection, $"'{ids[i]}' is not a DRS source server ID (s- followed by 17 hex characters).");
            }
            else if (!seen.Add(ids[i]))
            {
                problems.Add(field, ErrorCodes.DuplicateSourceServer, $"'{ids[i]}' is listed more than once.");
            }
        }
    }

    private static void ValidateTagCriteria(IReadOnlyList<TagCriterion> criteria, ValidationProblems problems)
    {
        if (criteria.Count == 0)
        {
            problems.Add("selection.tagCriteria", ErrorCodes.InvalidTagCriteria, "At least one tag criterion is required.");
            return;
        }

        if (criteria.Count > ProtectionGroupLimits.MaxTagCriteria)
        {
            problems.Add("selection.tagCriteria", ErrorCodes.LimitExceeded, $"At most {ProtectionGroupLimits.MaxTagCriteria} tag criteria are allowed.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
        {
            var field = $"selection.tagCriteria[{i}]";
            var criterion = criteria[i];
            if (criterion is null)
            {
                problems.Add(field, ErrorCodes.InvalidTagCriteria, "A tag criterion cannot be null.");
                continue;
            }

            TagRules.ValidateKey(criterion.Key, field + ".key", problems);
            TagRules.ValidateValue(criterion.Value, field + ".value", problems);
            if (criterion.Key is not null && !keys.Add(criterion.Key))
            {
                // Two values for one key can never both match, so the group would silently be empty.
                problems.Add(field + ".key", ErrorCodes.InvalidTagCriteria, $"Tag key '{criterion.Key}' appears more than once.");
            }
        }
    }

    private static void ValidateOverrides(ProtectionGroupDraft draft, ValidationProblems problems)
    {
        if (draft.ServerOverrides is null)
        {
            problems.Add("serverOverrides", ErrorCodes.InvalidField, "serverOverrides must be an object (it may be empty).");
            return;
        }

        var explicitIds = draft.Selection?.Mode == ServerSelectionMode.SourceServerIds
            ? new HashSet<string>(draft.Selection.SourceServerIds ?? [], StringComparer.Ordinal)
            : null;
        foreach (var (serverId, settings) in draft.ServerOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var field = $"serverOverrides[{serverId}]";
            if (!AwsIdentifiers.IsSourceServerId(serverId))
            {
                problems.Add(field, ErrorCodes.InvalidServerSelection, $"'{serverId}' is not a DRS source server ID.");
                continue;
            }

            if (explicitIds is not null && !explicitIds.Contains(serverId))
            {
                problems.Add(field, ErrorCodes.OverrideForUnselectedServer, $"'{serverId}' has an override but is not in the group.");
            }

            if (settings is null)
            {
                problems.Add(field, ErrorCodes.InvalidLaunchSettings, "An override cannot be null.");
                continue;
            }

            LaunchSettingsRules.Validate(settings, field, problems, checkCombination: false);
            LaunchSettingsRules.ValidateCombination((draft.LaunchSettings ?? LaunchSettings.Empty).OverriddenBy(settings), field, problems, onlyIfSetBy: settings);
        }
    }
}
