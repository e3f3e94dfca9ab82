using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Turns protection groups into the DRS source servers they hold right now: explicit IDs are checked
/// against DRS (a server deleted since the group was saved is reported, not launched), tag selections
/// are matched against the tags DRS holds at this moment.
/// </summary>
internal sealed class ServerResolver(IProtectionGroupRepository groups, DrsFleet fleet)
{
    /// <summary>DRS's sourceServerIDs filter takes at most 200 IDs.</summary>
    private const int IdsPerCall = 200;

    /// <summary>States in which DRS cannot launch a server: it stopped replicating or was disconnected (archived servers show as DISCONNECTED).</summary>
    private static readonly HashSet<string> UnlaunchableStates = new(StringComparer.Ordinal) { "DISCONNECTED", "STOPPED" };

    public async Task<IReadOnlyList<ResolvedServer>> ResolveAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken)
    {
        var resolved = new List<ResolvedServer>();
        foreach (var groupId in groupIds)
        {
            var group = await groups.GetAsync(groupId, cancellationToken).ConfigureAwait(false)
                ?? throw DomainException.Validation(ErrorCodes.UnknownProtectionGroup, $"Protection group '{groupId}' no longer exists.");
            foreach (var server in await ResolveGroupAsync(group, cancellationToken).ConfigureAwait(false))
            {
                resolved.Add(new ResolvedServer(new SourceServerRef(server.SourceServerId, group.AccountId, group.Region), group));
            }
        }

        return resolved;
    }

    private async Task<IReadOnlyList<DrsSourceServer>> ResolveGroupAsync(ProtectionGroup group, CancellationToken cancellationToken)
    {
        var client = fleet.For(new AccountRegion(group.AccountId, group.Region));
        var found = new List<DrsSourceServer>();
        if (group.Selection.Mode == ServerSelectionMode.Tags)
        {
            await foreach (var server in client.DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
            {
                if (group.Selection.Matches(server.Tags) && !UnlaunchableStates.Contains(server.ReplicationState ?? ""))
                {
                    found.Add(server);
                }
            }

            return found;
        }

        var wanted = group.Selection.SourceServerIds;
        foreach (var chunk in wanted.Chunk(IdsPerCall))
        {
            await foreach (var server in client.DescribeAllSourceServersAsync(new DrsSourceServerQuery(SourceServerIds: chunk), cancellationToken).ConfigureAwait(false))
            {
                found.Add(server);
            }
        }

        var byId = found.GroupBy(s => s.SourceServerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = wanted.Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.Validation(
                ErrorCodes.SourceServerNotFound,
                $"Protection group '{group.Name}' lists source servers that DRS no longer has in {group.AccountId}/{group.Region}: {string.Join(", ", missing.Take(10))}.",
                new Dictionary<string, object?> { ["groupId"] = group.GroupId, ["sourceServerIds"] = missing });
        }

        var unlaunchable = wanted.Where(id => UnlaunchableStates.Contains(byId[id].ReplicationState ?? "")).ToList();
        if (unlaunchable.Count > 0)
        {
            throw DomainException.Validation(
                ErrorCodes.InvalidServerSelection,
                $"Protection group '{group.Name}' has source servers DRS cannot launch (archived, disconnected or stopped): {string.Join(", ", unlaunchable.Take(10))}.",
                new Dictionary<string, object?> { ["groupId"] = group.GroupId, ["sourceServerIds"] = unlaunchable });
        }

        return [.. wanted.Select(id => byId[id])];
    }
}
