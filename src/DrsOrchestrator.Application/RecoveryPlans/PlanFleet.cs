using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.RecoveryPlans;

/// <summary>
/// What a plan stands on right now: its groups, and the DRS source servers they select. Each account and
/// region is listed once per call, so a plan of many groups in one region costs one DRS listing.
/// </summary>
public sealed class PlanFleet(IProtectionGroupRepository groups, IDrsClientFactory drs)
{
    public async Task<PlanFleetSnapshot> LoadAsync(RecoveryPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var missingGroups = new List<string>();
        var loaded = new Dictionary<string, ProtectionGroup>(StringComparer.Ordinal);
        foreach (var groupId in plan.ProtectionGroupIds.Distinct(StringComparer.Ordinal))
        {
            if (await groups.GetAsync(groupId, cancellationToken).ConfigureAwait(false) is { } group)
            {
                loaded[groupId] = group;
            }
            else
            {
                missingGroups.Add(groupId);
            }
        }

        var listings = new Dictionary<AccountRegion, IReadOnlyDictionary<string, DrsSourceServer>>();
        var unreadable = new Dictionary<AccountRegion, string>();
        foreach (var location in loaded.Values.Select(g => new AccountRegion(g.AccountId, g.Region)).Distinct())
        {
            try
            {
                var servers = new Dictionary<string, DrsSourceServer>(StringComparer.Ordinal);
                await foreach (var server in drs.For(location.AccountId, location.Region).DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
                {
                    servers[server.SourceServerId] = server;
                }

                listings[location] = servers;
            }
            catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
            {
                unreadable[location] = ex.Message;
            }
        }

        var planServers = new List<PlanServer>();
        for (var w = 0; w < plan.Waves.Count; w++)
        {
            var wave = plan.Waves[w];
            foreach (var groupId in wave.ProtectionGroupIds)
            {
                if (!loaded.TryGetValue(groupId, out var group))
                {
                    continue;
                }

                var location = new AccountRegion(group.AccountId, group.Region);
                if (!listings.TryGetValue(location, out var listing))
                {
                    continue;
                }

                IEnumerable<(string Id, DrsSourceServer? Drs)> selected = group.Selection.Mode == ServerSelectionMode.Tags
                    ? listing.Values.Where(s => group.Selection.Matches(s.Tags)).OrderBy(s => s.SourceServerId, StringComparer.Ordinal).Select(s => (s.SourceServerId, (DrsSourceServer?)s))
                    : group.Selection.SourceServerIds.Select(id => (id, listing.GetValueOrDefault(id)));
                planServers.AddRange(selected.Select(s => new PlanServer(w, wave.Name, groupId, new SourceServerRef(s.Id, group.AccountId, group.Region), s.Drs)));
            }
        }

        return new PlanFleetSnapshot(loaded, missingGroups, planServers, unreadable);
    }
}
