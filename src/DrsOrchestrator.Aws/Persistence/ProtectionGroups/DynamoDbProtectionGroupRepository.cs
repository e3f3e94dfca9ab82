using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Claims;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Aws.Persistence.ProtectionGroups;

/// <summary>
/// Protection groups with their claims (name, servers, tag criteria) and references (the group's own reference
/// item, which plans reference; the group's reference on its account) written in the same DynamoDB
/// transaction as the group. Listing scans the table with pagination: it serves the console's group page
/// and plan editor (tens to a few hundred small items), never the orchestration path.
/// </summary>
public sealed class DynamoDbProtectionGroupRepository : IProtectionGroupRepository
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly ClaimCoordinator _claims;
    private readonly ReferenceWrites _references;
    private readonly int _readBudget;
    private readonly VersionedItemStore<ProtectionGroup> _items;

    public DynamoDbProtectionGroupRepository(IAmazonDynamoDB client, DynamoDbPersistenceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _table = options.Tables.ProtectionGroups;
        _claims = new ClaimCoordinator(client, options.Tables.Locks, time, options.ClaimGracePeriod);
        _references = new ReferenceWrites(options.Tables.Locks);
        _readBudget = options.ListReadBudget;
        _items = new VersionedItemStore<ProtectionGroup>(
            client,
            _table,
            ProtectionGroupItemMapper.GroupId,
            ProtectionGroupItemMapper.Version,
            ProtectionGroupItemMapper.FromItem,
            g => g.Version,
            NotFound,
            VersionConflict);
    }

    public Task<ProtectionGroup?> GetAsync(string groupId, CancellationToken cancellationToken) => _items.GetAsync(groupId, cancellationToken);

    public Task<Page<ProtectionGroup>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        ListMatchingAsync(new ProtectionGroupFilter(), page, cancellationToken);

    /// <summary>
    /// Account and region are exact, so DynamoDB filters them; the name match is case-insensitive, which a
    /// FilterExpression cannot express, so it is applied to each item read.
    /// </summary>
    public Task<Page<ProtectionGroup>> ListMatchingAsync(ProtectionGroupFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = new List<string>();
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        if (filter.AccountId is { } accountId)
        {
            conditions.Add("#account = :account");
            names["#account"] = "accountId";
            values[":account"] = Attr.S(accountId);
        }

        if (filter.Region is { } region)
        {
            conditions.Add("#region = :region");
            names["#region"] = "region";
            values[":region"] = Attr.S(region);
        }

        return FullPages.ScanAsync(
            _client,
            new ScanRequest
            {
                TableName = _table,
                FilterExpression = conditions.Count > 0 ? string.Join(" AND ", conditions) : null,
                ExpressionAttributeNames = names.Count > 0 ? names : null,
                ExpressionAttributeValues = values.Count > 0 ? values : null,
            },
            TableSchema.ProtectionGroups.PartitionKey,
            ProtectionGroupItemMapper.FromItem,
            filter.NameContains is { } name ? g => g.Name.Contains(name, StringComparison.OrdinalIgnoreCase) : null,
            page,
            _readBudget,
            cancellationToken);
    }

    public async Task<ProtectionGroup> CreateAsync(ProtectionGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var stored = group with { Version = 1 };
        var write = _items.Create(
            ProtectionGroupItemMapper.ToItem(stored, stored.Version),
            () => DomainException.Conflict(ErrorCodes.VersionConflict, $"Protection group {group.GroupId} already exists."));
        await _claims.CommitAsync(
            ClaimKeys.GroupOwner,
            group.GroupId,
            [write, _references.OpenGroup(stored.GroupId), _references.ReferenceAccount(stored.GroupId, stored.AccountId)],
            ClaimRequestsFor(stored, ProtectionGroupItemMapper.ClaimKeysOf(stored)),
            [],
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<ProtectionGroup> UpdateAsync(ProtectionGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);

        // The read only tells us which claims the stored version holds; the write below is conditioned on
        // that same version, so a concurrent change between read and write still fails.
        var current = await _items.GetAtVersionAsync(group.GroupId, group.Version, cancellationToken).ConfigureAwait(false);
        var stored = group with { Version = group.Version + 1 };
        var oldKeys = ProtectionGroupItemMapper.ClaimKeysOf(current);
        var newKeys = ProtectionGroupItemMapper.ClaimKeysOf(stored);
        List<GuardedWrite> writes = [_items.Replace(stored.GroupId, ProtectionGroupItemMapper.ToItem(stored, stored.Version), group.Version)];
        if (current.AccountId != stored.AccountId)
        {
            writes.Add(_references.ReferenceAccount(stored.GroupId, stored.AccountId));
            writes.Add(_references.ReleaseAccount(stored.GroupId, current.AccountId));
        }

        await _claims.CommitAsync(
            ClaimKeys.GroupOwner,
            group.GroupId,
            writes,
            ClaimRequestsFor(stored, newKeys.Except(oldKeys)),
            oldKeys.Except(newKeys).ToList(),
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task DeleteAsync(string groupId, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await _items.GetAtVersionAsync(groupId, expectedVersion, cancellationToken).ConfigureAwait(false);

        // The version check comes first, so a stale delete reports VERSION_CONFLICT before PG_IN_USE.
        await _claims.CommitAsync(
            ClaimKeys.GroupOwner,
            groupId,
            [_items.Delete(groupId, expectedVersion), _references.CloseGroup(groupId, current.Name), _references.ReleaseAccount(groupId, current.AccountId)],
            [],
            ProtectionGroupItemMapper.ClaimKeysOf(current).ToList(),
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> FindOwnerOfServerAsync(string accountId, string region, string sourceServerId, CancellationToken cancellationToken)
    {
        var holder = await _claims.GetHolderAsync(ClaimKeys.GroupServer(accountId, region, sourceServerId), cancellationToken).ConfigureAwait(false);
        return holder?.OwnerType == ClaimKeys.GroupOwner ? holder.OwnerId : null;
    }

    /// <summary>A claim is orphaned when its owning group is gone or no longer lists the key.</summary>
    private async Task<bool> IsOrphanAsync(ClaimHolder holder, CancellationToken cancellationToken)
    {
        if (holder.OwnerType != ClaimKeys.GroupOwner)
        {
            return false;
        }

        var owner = await GetAsync(holder.OwnerId, cancellationToken).ConfigureAwait(false);
        return owner is null || !ProtectionGroupItemMapper.ClaimKeysOf(owner).Contains(holder.LockKey);
    }

    private static List<ClaimRequest> ClaimRequestsFor(ProtectionGroup group, IEnumerable<string> keys)
    {
        var serverByKey = group.Selection.SourceServerIds.ToDictionary(
            id => ClaimKeys.GroupServer(group.AccountId, group.Region, id), id => id, StringComparer.Ordinal);
        var nameKey = ClaimKeys.GroupName(group.Name);

        // Name first: when a request collides on both, "name exists" is the clearer message.
        return keys.OrderBy(k => k == nameKey ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal).Select(key =>
        {
            if (key == nameKey)
            {
                return new ClaimRequest(key, new Dictionary<string, AttributeValue> { ["name"] = Attr.S(group.Name) }, holder =>
                    DomainException.Conflict(
                        ErrorCodes.ProtectionGroupNameExists,
                        $"A protection group named '{group.Name}' already exists.",
                        new Dictionary<string, object?> { ["name"] = group.Name, ["existingGroupId"] = holder.OwnerId }));
            }

            if (serverByKey.TryGetValue(key, out var serverId))
            {
                var info = new Dictionary<string, AttributeValue>
                {
                    ["accountId"] = Attr.S(group.AccountId), ["region"] = Attr.S(group.Region), ["sourceServerId"] = Attr.S(serverId),
                };
                return new ClaimRequest(key, info, holder =>
                    DomainException.Conflict(
                        ErrorCodes.ServerConflict,
                        $"Source server {serverId} in {group.AccountId}/{group.Region} already belongs to protection group {holder.OwnerId}.",
                        new Dictionary<string, object?>
                        {
                            ["sourceServerId"] = serverId, ["accountId"] = group.AccountId, ["region"] = group.Region, ["owningGroupId"] = holder.OwnerId,
                        }));
            }

            return new ClaimRequest(key, new Dictionary<string, AttributeValue>(), holder =>
                DomainException.Conflict(
                    ErrorCodes.TagConflict,
                    $"Protection group {holder.OwnerId} already selects servers by the same tag criteria in {group.AccountId}/{group.Region}.",
                    new Dictionary<string, object?> { ["accountId"] = group.AccountId, ["region"] = group.Region, ["owningGroupId"] = holder.OwnerId }));
        }).ToList();
    }

    private static DomainException NotFound(string groupId) =>
        DomainException.NotFound(ErrorCodes.ProtectionGroupNotFound, $"Protection group {groupId} does not exist.");

    private static DomainException VersionConflict(string groupId, long expected, long? actual) => VersionConflicts.For("Protection group", groupId, expected, actual);
}
