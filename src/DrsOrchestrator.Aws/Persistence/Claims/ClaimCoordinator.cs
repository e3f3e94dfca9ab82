using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>
/// Commits an aggregate write together with the claim items it needs, so uniqueness is enforced by
/// DynamoDB's conditions and never by a read-then-write.
/// </summary>
/// <remarks>
/// When everything fits one transaction (100 items), the write is all-or-nothing. Larger claim sets (a
/// 3,000-server group, a 1,200-server wave) cannot be one transaction, so they go in stages: acquire the
/// new claims chunk by chunk, then commit the aggregate (the commit point, version-checked), then release
/// the claims it no longer needs. A failure before the commit point deletes the claims this operation
/// took (matched by operation id). A crash between stages can leave a claim its owner does not reference;
/// a later conflicting writer asks the caller whether the holder is an orphan and, once the claim is older
/// than the grace period, removes exactly that claim (conditionally) and retries.
/// </remarks>
internal sealed class ClaimCoordinator(IAmazonDynamoDB client, string locksTable, TimeProvider time, TimeSpan gracePeriod)
{
    private const int MaxOrphanRepairs = 5;
    private readonly TransactionRunner _runner = new(client);

    public async Task CommitAsync(
        string ownerType,
        string ownerId,
        IReadOnlyList<GuardedWrite> writes,
        IReadOnlyList<ClaimRequest> acquire,
        IReadOnlyCollection<string> release,
        Func<ClaimHolder, CancellationToken, Task<bool>> isOrphan,
        CancellationToken cancellationToken)
    {
        for (var repairs = 0; ; repairs++)
        {
            try
            {
                await CommitOnceAsync(ownerType, ownerId, writes, acquire, release, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ClaimConflictException conflict)
            {
                // Without the old image we only know the key was taken; the orphan check needs the holder.
                var holder = conflict.Holder ?? await GetHolderAsync(conflict.Request.LockKey, cancellationToken).ConfigureAwait(false);
                if (holder is null)
                {
                    if (repairs < MaxOrphanRepairs)
                    {
                        continue;
                    }

                    throw DomainException.Conflict(ErrorCodes.VersionConflict, $"Claim {conflict.Request.LockKey} kept changing; retry the request.");
                }

                var oldEnough = time.GetUtcNow() - holder.ClaimedAt >= gracePeriod;
                if (repairs < MaxOrphanRepairs && oldEnough && await isOrphan(holder, cancellationToken).ConfigureAwait(false))
                {
                    await RemoveOrphanAsync(holder, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // Our own claim that our committed version does not list means a concurrent write to the
                // same aggregate is between its stages: that is a lost race, not a conflict with another owner.
                throw holder.OwnerType == ownerType && holder.OwnerId == ownerId
                    ? DomainException.Conflict(ErrorCodes.VersionConflict, $"{ownerType} {ownerId} is being changed by another request; reload and retry.")
                    : conflict.Request.OnConflict(holder);
            }
        }
    }

    /// <summary>Reads who holds a claim (consistent read); null when free.</summary>
    public async Task<ClaimHolder?> GetHolderAsync(string lockKey, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = locksTable, Key = Key(lockKey), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? ToHolder(lockKey, item) : null;
    }

    private async Task CommitOnceAsync(
        string ownerType,
        string ownerId,
        IReadOnlyList<GuardedWrite> writes,
        IReadOnlyList<ClaimRequest> acquire,
        IReadOnlyCollection<string> release,
        CancellationToken cancellationToken)
    {
        var operationId = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var writeItems = writes.Select(w => w.ForRunner()).ToList();
        var acquireItems = acquire.Select(c => (Put(c, ownerType, ownerId, operationId, now), OnClaimFailed(c))).ToList();
        var releaseItems = release.Select(k => (Release(k, ownerType, ownerId), (Func<CancellationReason, Exception>)(_ => Lost(ownerType, ownerId)))).ToList();

        if (writeItems.Count + acquireItems.Count + releaseItems.Count <= TransactionRunner.MaxItemsPerTransaction)
        {
            await _runner.RunAsync([.. writeItems, .. acquireItems, .. releaseItems], cancellationToken).ConfigureAwait(false);
            return;
        }

        var acquired = new List<string>();
        try
        {
            foreach (var chunk in acquire.Chunk(TransactionRunner.MaxItemsPerTransaction))
            {
                await _runner.RunAsync(chunk.Select(c => (Put(c, ownerType, ownerId, operationId, now), OnClaimFailed(c))).ToList(), cancellationToken)
                    .ConfigureAwait(false);
                acquired.AddRange(chunk.Select(c => c.LockKey));
            }

            await _runner.RunAsync(writeItems, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await CompensateAsync(acquired, operationId).ConfigureAwait(false);
            throw;
        }

        foreach (var chunk in releaseItems.Chunk(TransactionRunner.MaxItemsPerTransaction))
        {
            await _runner.RunAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompensateAsync(List<string> acquired, string operationId)
    {
        // Not cancellable: leaving claims behind because the caller gave up would block other writers
        // until the grace period ends.
        foreach (var chunk in acquired.Chunk(TransactionRunner.MaxItemsPerTransaction))
        {
            var deletes = chunk.Select(k => (new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = locksTable,
                    Key = Key(k),
                    ConditionExpression = "attribute_not_exists(#k) OR #op = :op",
                    ExpressionAttributeNames = new() { ["#k"] = LockAttributes.LockKey, ["#op"] = LockAttributes.OperationId },
                    ExpressionAttributeValues = new() { [":op"] = Attr.S(operationId) },
                },
            }, (Func<CancellationReason, Exception>)(_ => new InvalidOperationException($"Claim {k} changed owner during compensation.")))).ToList();
            await _runner.RunAsync(deletes, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RemoveOrphanAsync(ClaimHolder holder, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = locksTable,
                    Key = Key(holder.LockKey),
                    ConditionExpression = "#owner = :owner AND #op = :op",
                    ExpressionAttributeNames = new() { ["#owner"] = LockAttributes.OwnerId, ["#op"] = LockAttributes.OperationId },
                    ExpressionAttributeValues = new() { [":owner"] = Attr.S(holder.OwnerId), [":op"] = Attr.S(holder.OperationId) },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone else repaired or re-took it first; the retry evaluates the new state.
        }
    }

    private TransactWriteItem Put(ClaimRequest claim, string ownerType, string ownerId, string operationId, DateTimeOffset now)
    {
        var item = new Dictionary<string, AttributeValue>(claim.Info)
        {
            [LockAttributes.LockKey] = Attr.S(claim.LockKey),
            [LockAttributes.OwnerType] = Attr.S(ownerType),
            [LockAttributes.OwnerId] = Attr.S(ownerId),
            [LockAttributes.OperationId] = Attr.S(operationId),
            [LockAttributes.ClaimedAt] = Attr.Time(now),
        };
        return new TransactWriteItem
        {
            Put = new Put
            {
                TableName = locksTable,
                Item = item,
                ConditionExpression = "attribute_not_exists(#k)",
                ExpressionAttributeNames = new() { ["#k"] = LockAttributes.LockKey },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        };
    }

    private TransactWriteItem Release(string lockKey, string ownerType, string ownerId) => new()
    {
        Delete = new Delete
        {
            TableName = locksTable,
            Key = Key(lockKey),
            // A claim already gone is fine (an orphan repair may have removed it); one re-taken by
            // another owner must not be deleted, and means our view was stale.
            ConditionExpression = "attribute_not_exists(#k) OR (#type = :type AND #owner = :owner)",
            ExpressionAttributeNames = new() { ["#k"] = LockAttributes.LockKey, ["#type"] = LockAttributes.OwnerType, ["#owner"] = LockAttributes.OwnerId },
            ExpressionAttributeValues = new() { [":type"] = Attr.S(ownerType), [":owner"] = Attr.S(ownerId) },
        },
    };

    private static Func<CancellationReason, Exception> OnClaimFailed(ClaimRequest claim) => reason =>
        new ClaimConflictException(claim, reason.Item is { Count: > 0 } item ? ToHolder(claim.LockKey, item) : null);

    private static DomainException Lost(string ownerType, string ownerId) =>
        DomainException.Conflict(ErrorCodes.VersionConflict, $"{ownerType} {ownerId} changed while saving; reload and retry.");

    private static ClaimHolder ToHolder(string lockKey, Dictionary<string, AttributeValue> item) => new(
        lockKey,
        item.GetSOrNull(LockAttributes.OwnerType) ?? "unknown",
        item.GetSOrNull(LockAttributes.OwnerId) ?? "unknown",
        item.GetSOrNull(LockAttributes.OperationId) ?? "unknown",
        item.GetTimeOrNull(LockAttributes.ClaimedAt) ?? DateTimeOffset.MaxValue);

    private static Dictionary<string, AttributeValue> Key(string lockKey) => new() { [LockAttributes.LockKey] = Attr.S(lockKey) };
}
