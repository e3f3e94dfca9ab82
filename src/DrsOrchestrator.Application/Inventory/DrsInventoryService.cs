using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DrsOrchestrator.Application.Common;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Inventory;

/// <summary>
/// The DRS views behind the console's inventory pages: every call goes through the client of the
/// account and region asked about, i.e. through that account's assumed role.
/// </summary>
public sealed class DrsInventoryService(IDrsClientFactory drs, IProtectionGroupRepository groups, DrsUsageReader usage, TimeProvider time)
{
    /// <summary>Capacity pages poll; DRS usage moves on the scale of minutes, so a short cache spares the spoke APIs.</summary>
    public static readonly TimeSpan CapacityCacheLifetime = TimeSpan.FromSeconds(30);

    private const int MaxParallelLocations = 8;
    private const int MaxTagsPerChange = 50;
    private readonly ConcurrentDictionary<AccountRegion, DrsUsage> usageCache = new();

    public DrsLimits Limits { get; init; } = DrsLimits.Default;

    /// <summary>
    /// Lists the whole fleet of the location, filters it and returns one page. DRS cannot filter by
    /// hostname or tag itself, and a location holds at most a few thousand servers, so filtering after
    /// listing keeps pages consistent with the filter (a DRS page filtered afterwards could come back empty).
    /// </summary>
    public async Task<SourceServerPage> ListSourceServersAsync(AccountRegion location, SourceServerFilter filter, int limit, string? nextToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var offset = DecodeOffset(nextToken, location);
        var membership = await MembershipAsync(location, cancellationToken).ConfigureAwait(false);
        var matching = new List<SourceServerEntry>();
        await foreach (var server in drs.For(location.AccountId, location.Region).DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
        {
            var groupId = membership(server);
            if (Matches(server, groupId, filter))
            {
                matching.Add(new SourceServerEntry(server, groupId));
            }
        }

        matching.Sort((a, b) => string.CompareOrdinal(a.Server.SourceServerId, b.Server.SourceServerId));
        var page = matching.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < matching.Count ? EncodeOffset(offset + page.Count, location) : null;
        return new SourceServerPage(page, matching.Count, next);
    }

    /// <exception cref="DomainException">NotFound SOURCE_SERVER_NOT_FOUND.</exception>
    public async Task<SourceServerEntry> GetSourceServerAsync(AccountRegion location, string sourceServerId, CancellationToken cancellationToken)
    {
        var page = await drs.For(location.AccountId, location.Region)
            .DescribeSourceServersAsync(new DrsSourceServerQuery(SourceServerIds: [sourceServerId]), cancellationToken).ConfigureAwait(false);
        var server = page.Items.FirstOrDefault(s => s.SourceServerId == sourceServerId)
            ?? throw DomainException.NotFound(ErrorCodes.SourceServerNotFound, $"DRS has no source server {sourceServerId} in {location}.");
        var membership = await MembershipAsync(location, cancellationToken).ConfigureAwait(false);
        return new SourceServerEntry(server, membership(server));
    }

    public async Task<DrsLaunchConfiguration> GetLaunchConfigurationAsync(AccountRegion location, string sourceServerId, CancellationToken cancellationToken)
    {
        await GetSourceServerAsync(location, sourceServerId, cancellationToken).ConfigureAwait(false);
        return await drs.For(location.AccountId, location.Region).GetLaunchConfigurationAsync(sourceServerId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DrsLaunchConfiguration> UpdateLaunchConfigurationAsync(AccountRegion location, DrsLaunchConfigurationUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await GetSourceServerAsync(location, update.SourceServerId, cancellationToken).ConfigureAwait(false);
        return await drs.For(location.AccountId, location.Region).UpdateLaunchConfigurationAsync(update, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetTagsAsync(AccountRegion location, string sourceServerId, CancellationToken cancellationToken)
    {
        var arn = await ArnOfAsync(location, sourceServerId, cancellationToken).ConfigureAwait(false);
        return await drs.For(location.AccountId, location.Region).ListTagsForResourceAsync(arn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates the whole change before calling DRS, so a bad key changes nothing.</summary>
    /// <exception cref="DomainException">Validation INVALID_FIELD / LIMIT_EXCEEDED; NotFound SOURCE_SERVER_NOT_FOUND.</exception>
    public async Task<IReadOnlyDictionary<string, string>> ChangeTagsAsync(AccountRegion location, string sourceServerId, TagChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ValidateTags(change);
        var arn = await ArnOfAsync(location, sourceServerId, cancellationToken).ConfigureAwait(false);
        var client = drs.For(location.AccountId, location.Region);
        if (change.Set.Count > 0)
        {
            await client.TagResourceAsync(arn, change.Set, cancellationToken).ConfigureAwait(false);
        }

        if (change.Remove.Count > 0)
        {
            await client.UntagResourceAsync(arn, change.Remove, cancellationToken).ConfigureAwait(false);
        }

        return await client.ListTagsForResourceAsync(arn, cancellationToken).ConfigureAwait(false);
    }

    public async Task<QuotaReport> GetQuotasAsync(AccountRegion location, CancellationToken cancellationToken) =>
        ToReport(await UsageAsync(location, cancellationToken).ConfigureAwait(false));

    /// <summary>Usage of every location, read in parallel (bounded) and cached briefly per location.</summary>
    public async Task<IReadOnlyList<QuotaReport>> GetCapacityAsync(IEnumerable<AccountRegion> locations, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(MaxParallelLocations);
        var tasks = locations.Distinct().Select(async location =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return ToReport(await UsageAsync(location, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DrsJobLogItem>> GetJobLogsAsync(AccountRegion location, string jobId, CancellationToken cancellationToken)
    {
        var items = new List<DrsJobLogItem>();
        await foreach (var item in drs.For(location.AccountId, location.Region).DescribeAllJobLogItemsAsync(jobId, cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    private async Task<DrsUsage> UsageAsync(AccountRegion location, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (usageCache.TryGetValue(location, out var cached) && now - cached.ReadAt < CapacityCacheLifetime)
        {
            return cached;
        }

        var fresh = await usage.ReadAsync(location, cancellationToken).ConfigureAwait(false);
        if (fresh.Error is null)
        {
            // A failed read is not cached: the next refresh should try again rather than repeat the error.
            usageCache[location] = fresh;
        }

        return fresh;
    }

    private QuotaReport ToReport(DrsUsage u)
    {
        QuotaLine Line(string name, int limit, int? inUse) => inUse is { } n
            ? new QuotaLine(name, limit, n, Math.Max(0, limit - n), n >= limit ? "AT_LIMIT" : n * 5 >= limit * 4 ? "NEAR_LIMIT" : "OK")
            : new QuotaLine(name, limit, null, null, "UNKNOWN");
        var lines = new[]
        {
            new QuotaLine("sourceServersPerJob", Limits.MaxServersPerJob, null, null, "STATIC"),
            Line("concurrentJobs", Limits.MaxConcurrentJobs, u.ActiveJobs),
            Line("serversInActiveJobs", Limits.MaxServersInActiveJobs, u.ServersInActiveJobs),
            Line("replicatingServers", Limits.MaxReplicatingServers, u.ReplicatingServers),
        };
        return new QuotaReport(u.Location.AccountId, u.Location.Region, lines, u.SourceServers, u.Error, u.ReadAt);
    }

    private async Task<string> ArnOfAsync(AccountRegion location, string sourceServerId, CancellationToken cancellationToken)
    {
        var entry = await GetSourceServerAsync(location, sourceServerId, cancellationToken).ConfigureAwait(false);
        return entry.Server.Arn ?? $"arn:aws:drs:{location.Region}:{location.AccountId}:source-server/{sourceServerId}";
    }

    /// <summary>Which group selects a server: explicit IDs first (they are claimed), then tag groups of the location.</summary>
    private async Task<Func<DrsSourceServer, string?>> MembershipAsync(AccountRegion location, CancellationToken cancellationToken)
    {
        var all = await Pages.AllAsync<ProtectionGroup>(groups.ListAsync, cancellationToken).ConfigureAwait(false);
        var here = all.Where(g => g.AccountId == location.AccountId && g.Region == location.Region).ToList();
        var explicitOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in here.Where(g => g.Selection.Mode == ServerSelectionMode.SourceServerIds))
        {
            foreach (var id in group.Selection.SourceServerIds)
            {
                explicitOwner.TryAdd(id, group.GroupId);
            }
        }

        var tagGroups = here.Where(g => g.Selection.Mode == ServerSelectionMode.Tags).OrderBy(g => g.GroupId, StringComparer.Ordinal).ToList();
        return server => explicitOwner.TryGetValue(server.SourceServerId, out var owner)
            ? owner
            : tagGroups.FirstOrDefault(g => g.Selection.Matches(server.Tags))?.GroupId;
    }

    private static bool Matches(DrsSourceServer server, string? groupId, SourceServerFilter filter)
    {
        if (filter.Unassigned is { } unassigned && unassigned != (groupId is null))
        {
            return false;
        }

        if (filter.ReplicationState is { } state && !string.Equals(server.ReplicationState, state, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (filter.Tags.Any(t => !server.Tags.TryGetValue(t.Key, out var v) || !string.Equals(v, t.Value, StringComparison.Ordinal)))
        {
            return false;
        }

        if (filter.Search is { } search)
        {
            var name = server.Tags.GetValueOrDefault("Name");
            return server.SourceServerId.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (server.Hostname?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
                || (name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
        }

        return true;
    }

    private static void ValidateTags(TagChange change)
    {
        var problems = new ValidationProblems();
        if (change.Set.Count + change.Remove.Count == 0)
        {
            problems.Add("set", ErrorCodes.MissingField, "Set or remove at least one tag.");
        }

        if (change.Set.Count > MaxTagsPerChange || change.Remove.Count > MaxTagsPerChange)
        {
            problems.Add("set", ErrorCodes.LimitExceeded, $"At most {MaxTagsPerChange} tags can be set and {MaxTagsPerChange} removed at once.");
        }

        foreach (var (key, value) in change.Set)
        {
            ValidateKey(key, $"set.{key}", problems);
            if (value.Length > 256)
            {
                problems.Add($"set.{key}", ErrorCodes.InvalidField, "A tag value is at most 256 characters.");
            }
        }

        for (var i = 0; i < change.Remove.Count; i++)
        {
            ValidateKey(change.Remove[i], $"remove[{i}]", problems);
            if (change.Set.ContainsKey(change.Remove[i]))
            {
                problems.Add($"remove[{i}]", ErrorCodes.InvalidField, $"Tag '{change.Remove[i]}' is both set and removed.");
            }
        }

        problems.ThrowIfAny("Tag change");
    }

    private static void ValidateKey(string key, string field, ValidationProblems problems)
    {
        if (key.Length is 0 or > 128)
        {
            problems.Add(field, ErrorCodes.InvalidField, "A tag key is 1 to 128 characters.");
        }
        else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(field, ErrorCodes.InvalidField, "Tag keys starting with 'aws:' are reserved by AWS.");
        }
    }

    private static string EncodeOffset(int offset, AccountRegion location) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"o1|{location.AccountId}|{location.Region}|{offset}")));

    private static int DecodeOffset(string? token, AccountRegion location)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
            if (parts.Length == 4 && parts[0] == "o1" && parts[1] == location.AccountId && parts[2] == location.Region
                && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the stable error below.
        }

        throw DomainException.BadRequest(ErrorCodes.InvalidPaginationToken, "nextToken was not issued for this listing.", new Dictionary<string, object?> { ["field"] = "nextToken" });
    }
}
