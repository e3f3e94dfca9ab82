using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.ProtectionGroups;

/// <summary>Protection group use cases: validation lives in the aggregate, uniqueness in the repository's claims.</summary>
public sealed class ProtectionGroupService(
    IProtectionGroupRepository repository,
    IRecoveryPlanRepository plans,
    IDrsClientFactory drs,
    TimeProvider time)
{
    public const int MaxTagCriteria = 10;

    public Task<Page<ProtectionGroup>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        repository.ListAsync(page, cancellationToken);

    /// <exception cref="DomainException">NotFound PG_NOT_FOUND.</exception>
    public async Task<ProtectionGroup> GetAsync(string groupId, CancellationToken cancellationToken) =>
        await repository.GetAsync(groupId, cancellationToken).ConfigureAwait(false)
        ?? throw DomainException.NotFound(ErrorCodes.ProtectionGroupNotFound, $"Protection group '{groupId}' does not exist.");

    public Task<ProtectionGroup> CreateAsync(ProtectionGroupDraft draft, string actor, CancellationToken cancellationToken)
    {
        var group = ProtectionGroup.Create(NewId(), draft, actor, time.GetUtcNow());
        return repository.CreateAsync(group, cancellationToken);
    }

    /// <summary>Replaces the editable fields if the caller saw the current version.</summary>
    /// <exception cref="DomainException">NotFound PG_NOT_FOUND; Conflict VERSION_CONFLICT and the repository's claim conflicts; Validation.</exception>
    public async Task<ProtectionGroup> UpdateAsync(string groupId, long expectedVersion, ProtectionGroupDraft draft, string actor, CancellationToken cancellationToken)
    {
        var current = await GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        Versions.Ensure($"Protection group '{groupId}'", current.Version, expectedVersion);
        var updated = current.Update(draft, actor, time.GetUtcNow());
        return await repository.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the group's launch settings and per-server overrides, leaving its servers as they are.</summary>
    public async Task<ProtectionGroup> PutLaunchConfigurationAsync(
        string groupId,
        long expectedVersion,
        LaunchSettings settings,
        IReadOnlyDictionary<string, LaunchSettings> overrides,
        string actor,
        CancellationToken cancellationToken)
    {
        var current = await GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        Versions.Ensure($"Protection group '{groupId}'", current.Version, expectedVersion);
        var draft = current.ToDraft() with { LaunchSettings = settings, ServerOverrides = overrides };
        var updated = current.Update(draft, actor, time.GetUtcNow());
        return await repository.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a group no recovery plan references; a plan naming a missing group could never run.</summary>
    /// <exception cref="DomainException">NotFound PG_NOT_FOUND; Conflict PG_IN_USE (details: planIds) or VERSION_CONFLICT.</exception>
    public async Task DeleteAsync(string groupId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        var users = (await Pages.AllAsync<RecoveryPlan>(plans.ListAsync, cancellationToken).ConfigureAwait(false))
            .Where(p => p.ProtectionGroupIds.Contains(groupId, StringComparer.Ordinal))
            .ToArray();
        if (users.Length > 0)
        {
            throw DomainException.Conflict(
                ErrorCodes.ProtectionGroupInUse,
                $"Protection group '{current.Name}' is used by {users.Length} recovery plan(s): {string.Join(", ", users.Select(p => p.Name).Take(5))}.",
                new Dictionary<string, object?> { ["groupId"] = groupId, ["planIds"] = users.Select(p => p.PlanId).ToArray() });
        }

        await repository.DeleteAsync(groupId, current.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which DRS source servers tag criteria select right now (AND of all criteria), with any group that already holds them.</summary>
    /// <exception cref="DomainException">Validation INVALID_TAG_CRITERIA.</exception>
    public async Task<TagResolution> ResolveTagsAsync(AccountRegion location, IReadOnlyList<TagCriterion> criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ValidateCriteria(criteria);
        var selection = ServerSelection.ByTags(criteria);
        var owners = await OwnersAsync(location, cancellationToken).ConfigureAwait(false);
        var matches = new List<TagMatch>();
        var scanned = 0;
        await foreach (var server in drs.For(location.AccountId, location.Region).DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
        {
            scanned++;
            if (selection.Matches(server.Tags))
            {
                matches.Add(new TagMatch(server, owners(server)));
            }
        }

        return new TagResolution(location.AccountId, location.Region, [.. matches.OrderBy(m => m.Server.SourceServerId, StringComparer.Ordinal)], scanned);
    }

    /// <summary>
    /// Pushes the group's effective settings (group settings with each server's override) into DRS's launch
    /// configuration of every member server. Reads first and skips servers already configured; one server's
    /// failure is reported and does not stop the others.
    /// </summary>
    public async Task<LaunchApplyResult> ApplyLaunchConfigurationAsync(string groupId, CancellationToken cancellationToken)
    {
        var group = await GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        var client = drs.For(group.AccountId, group.Region);
        var members = new List<string>();
        if (group.Selection.Mode == ServerSelectionMode.Tags)
        {
            await foreach (var server in client.DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
            {
                if (group.Selection.Matches(server.Tags))
                {
                    members.Add(server.SourceServerId);
                }
            }
        }
        else
        {
            members.AddRange(group.Selection.SourceServerIds);
        }

        var outcomes = new List<LaunchApplyOutcome>();
        foreach (var serverId in members)
        {
            var wanted = DrsLaunchSettings.ToUpdate(serverId, group.EffectiveLaunchSettingsFor(serverId));
            try
            {
                var current = await client.GetLaunchConfigurationAsync(serverId, cancellationToken).ConfigureAwait(false);
                if (DrsLaunchSettings.IsSatisfiedBy(current, wanted))
                {
                    outcomes.Add(new LaunchApplyOutcome(serverId, "UNCHANGED", null));
                    continue;
                }

                await client.UpdateLaunchConfigurationAsync(wanted, cancellationToken).ConfigureAwait(false);
                outcomes.Add(new LaunchApplyOutcome(serverId, "UPDATED", null));
            }
            catch (AwsServiceException ex)
            {
                outcomes.Add(new LaunchApplyOutcome(serverId, "FAILED", $"{ex.ErrorCode}: {ex.Message}"));
            }
        }

        var notApplied = new List<string>();
        var s = group.LaunchSettings;
        if (s.SubnetId is not null || group.ServerOverrides.Values.Any(o => o.SubnetId is not null))
        {
            notApplied.Add("subnetId");
        }

        if (s.SecurityGroupIds is not null || group.ServerOverrides.Values.Any(o => o.SecurityGroupIds is not null))
        {
            notApplied.Add("securityGroupIds");
        }

        if (s.InstanceType is not null || group.ServerOverrides.Values.Any(o => o.InstanceType is not null))
        {
            notApplied.Add("instanceType");
        }

        if (s.InstanceProfile is not null || group.ServerOverrides.Values.Any(o => o.InstanceProfile is not null))
        {
            notApplied.Add("instanceProfile");
        }

        return new LaunchApplyResult(
            groupId,
            outcomes.Count(o => o.Status == "UPDATED"),
            outcomes.Count(o => o.Status == "UNCHANGED"),
            outcomes.Count(o => o.Status == "FAILED"),
            outcomes,
            notApplied);
    }

    private static void ValidateCriteria(IReadOnlyList<TagCriterion> criteria)
    {
        var problems = new ValidationProblems();
        if (criteria.Count == 0)
        {
            problems.Add("tagCriteria", ErrorCodes.InvalidTagCriteria, "At least one tag criterion is required.");
        }
        else if (criteria.Count > MaxTagCriteria)
        {
            problems.Add("tagCriteria", ErrorCodes.InvalidTagCriteria, $"At most {MaxTagCriteria} tag criteria are allowed.");
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (string.IsNullOrEmpty(c.Key) || c.Key.Length > 128 || c.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"tagCriteria[{i}].key", ErrorCodes.InvalidTagCriteria, "A tag key is 1 to 128 characters and not under 'aws:'.");
            }

            if (c.Value is null || c.Value.Length > 256)
            {
                problems.Add($"tagCriteria[{i}].value", ErrorCodes.InvalidTagCriteria, "A tag value is at most 256 characters.");
            }
        }

        if (criteria.GroupBy(c => c.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            problems.Add("tagCriteria", ErrorCodes.InvalidTagCriteria, "Each tag key may appear once (criteria are ANDed).");
        }

        problems.ThrowIfAny("Tag criteria");
    }

    private async Task<Func<DrsSourceServer, string?>> OwnersAsync(AccountRegion location, CancellationToken cancellationToken)
    {
        var all = await Pages.AllAsync<ProtectionGroup>(repository.ListAsync, cancellationToken).ConfigureAwait(false);
        var here = all.Where(g => g.AccountId == location.AccountId && g.Region == location.Region).ToList();
        var explicitOwner = here.Where(g => g.Selection.Mode == ServerSelectionMode.SourceServerIds)
            .SelectMany(g => g.Selection.SourceServerIds.Select(id => (id, g.GroupId)))
            .GroupBy(x => x.id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GroupId, StringComparer.Ordinal);
        var tagGroups = here.Where(g => g.Selection.Mode == ServerSelectionMode.Tags).OrderBy(g => g.GroupId, StringComparer.Ordinal).ToList();
        return server => explicitOwner.TryGetValue(server.SourceServerId, out var owner)
            ? owner
            : tagGroups.FirstOrDefault(g => g.Selection.Matches(server.Tags))?.GroupId;
    }

    private static string NewId() => "pg-" + Guid.NewGuid().ToString("N");
}
