using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.ProtectionGroups;

/// <summary>Protection group use cases: validation lives in the aggregate, uniqueness in the repository's claims.</summary>
public sealed class ProtectionGroupService(
    IProtectionGroupRepository repository,
    IRecoveryPlanRepository plans,
    IDrsClientFactory drs,
    IEc2ClientFactory ec2,
    TimeProvider time)
{
    public const int MaxTagCriteria = 10;

    public Task<Page<ProtectionGroup>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        repository.ListAsync(page, cancellationToken);

    /// <summary>Full pages of the groups matching the filter (see <see cref="IProtectionGroupRepository.ListMatchingAsync"/>).</summary>
    public Task<Page<ProtectionGroup>> ListAsync(ProtectionGroupFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        repository.ListMatchingAsync(filter, page, cancellationToken);

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

    /// <summary>
    /// Deletes a group no recovery plan references; a plan naming a missing group could never run. The check
    /// is the repository's, in the delete's own transaction; this only names the plans in the message.
    /// </summary>
    /// <exception cref="DomainException">NotFound PG_NOT_FOUND; Conflict PG_IN_USE (details: groupId, planIds) or VERSION_CONFLICT.</exception>
    public async Task DeleteAsync(string groupId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        try
        {
            await repository.DeleteAsync(groupId, current.Version, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.ProtectionGroupInUse && ex.Details?.GetValueOrDefault("planIds") is string[] planIds)
        {
            var names = new List<string>();
            foreach (var planId in planIds.Take(5))
            {
                names.Add((await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false))?.Name ?? planId);
            }

            throw DomainException.Conflict(
                ErrorCodes.ProtectionGroupInUse,
                $"Protection group '{current.Name}' is used by {planIds.Length} recovery plan(s): {string.Join(", ", names)}.",
                ex.Details);
        }
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
    /// Pushes the group's effective settings (group settings with each server's override) to every member
    /// server: DRS's launch configuration, then the server's EC2 launch template (subnet, security groups,
    /// instance type, instance profile) in the group's account and region. Reads first and skips servers
    /// already configured; one server's failure is reported with the service's error code and does not
    /// stop the others.
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
            try
            {
                var written = await ServerLaunchSettings.ApplyAsync(
                    client, () => ec2.For(group.AccountId, group.Region), serverId, group.EffectiveLaunchSettingsFor(serverId), cancellationToken).ConfigureAwait(false);
                outcomes.Add(new LaunchApplyOutcome(serverId, written ? LaunchApplyOutcome.Updated : LaunchApplyOutcome.Unchanged, null, null));
            }
            catch (AwsServiceException ex)
            {
                outcomes.Add(new LaunchApplyOutcome(serverId, LaunchApplyOutcome.Failed, ex.ErrorCode, ex.Message));
            }
        }

        return new LaunchApplyResult(
            groupId,
            outcomes.Count(o => o.Status == LaunchApplyOutcome.Updated),
            outcomes.Count(o => o.Status == LaunchApplyOutcome.Unchanged),
            outcomes.Count(o => o.Status == LaunchApplyOutcome.Failed),
            outcomes);
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
