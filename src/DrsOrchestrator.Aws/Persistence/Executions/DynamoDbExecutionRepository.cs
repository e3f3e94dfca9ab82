using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Claims;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Aws.Persistence.Executions;

/// <summary>
/// Executions as one partition of rows (see <see cref="ExecutionItemMapper"/>), saved as a whole in one
/// transaction whose header row carries the version condition, together with the plan and server claims.
/// Lists are index queries on the sparse header rows; nothing here scans.
/// </summary>
public sealed class DynamoDbExecutionRepository : IExecutionRepository
{
    private static readonly ExecutionStatus[] ActiveStatuses =
        Enum.GetValues<ExecutionStatus>().Where(s => s.IsActive()).ToArray();

    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly TimeSpan? _retention;
    private readonly ClaimCoordinator _claims;
    private readonly int _listReadBudget;

    public DynamoDbExecutionRepository(IAmazonDynamoDB client, DynamoDbPersistenceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _table = options.Tables.ExecutionHistory;
        _retention = options.ExecutionRetention;
        _listReadBudget = options.ListReadBudget;
        _claims = new ClaimCoordinator(client, options.Tables.Locks, time, options.ClaimGracePeriod);
    }

    public async Task<Execution> CreateAsync(Execution execution, IReadOnlyCollection<SourceServerRef> servers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(servers);
        var record = execution.Record with { Version = 1 };
        var claimed = servers.Concat(WaveServers(record)).Distinct().ToList();
        var writes = RowWrites(record, claimed, expectedVersion: null);
        var acquire = new List<ClaimRequest> { PlanClaim(record.PlanId) };
        acquire.AddRange(claimed.Select(ServerClaim));
        await _claims.CommitAsync(ClaimKeys.ExecutionOwner, record.ExecutionId, writes, acquire, [], IsOrphanAsync, cancellationToken)
            .ConfigureAwait(false);
        return Execution.Rehydrate(record);
    }

    public async Task<Execution?> GetAsync(string executionId, CancellationToken cancellationToken) =>
        (await GetWithPendingEventsAsync(executionId, cancellationToken).ConfigureAwait(false))?.Execution;

    public async Task<StoredExecution?> GetWithPendingEventsAsync(string executionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        var rows = await QueryPartitionAsync(executionId, null, cancellationToken).ConfigureAwait(false);
        return rows.Any(r => r.GetSOrNull(ExecutionItemMapper.SortKey) == ExecutionItemMapper.HeaderSortKey)
            ? new StoredExecution(
                Execution.Rehydrate(ExecutionItemMapper.FromRows(rows)),
                rows.Where(ExecutionItemMapper.IsOutboxRow).Select(ExecutionItemMapper.OutboxFromRow).ToList())
            : null;
    }

    public async Task<IReadOnlyList<OutboxEvent>> GetPendingEventsAsync(string executionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        var rows = await QueryPartitionAsync(executionId, ExecutionItemMapper.OutboxSortKeyPrefix, cancellationToken).ConfigureAwait(false);
        return rows.Select(ExecutionItemMapper.OutboxFromRow).ToList();
    }

    public async Task DeletePendingEventsAsync(string executionId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        ArgumentNullException.ThrowIfNull(eventIds);

        // Unconditional deletes: a row already gone was published and deleted by another drainer.
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(25))
        {
            var request = new BatchWriteItemRequest
            {
                RequestItems = new()
                {
                    [_table] = chunk.Select(id => new WriteRequest
                    {
                        DeleteRequest = new DeleteRequest { Key = RowKey(executionId, ExecutionItemMapper.OutboxSortKey(id)) },
                    }).ToList(),
                },
            };
            do
            {
                var response = await _client.BatchWriteItemAsync(request, cancellationToken).ConfigureAwait(false);
                request.RequestItems = response.UnprocessedItems ?? [];
            }
            while (request.RequestItems.Count > 0);
        }
    }

    public async Task<bool> RecordRejectedEventAsync(string executionId, OutboxRejection rejection, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        ArgumentNullException.ThrowIfNull(rejection);
        var key = RowKey(executionId, ExecutionItemMapper.OutboxSortKey(rejection.EventId));
        var names = new Dictionary<string, string> { ["#sk"] = ExecutionItemMapper.SortKey, ["#n"] = ExecutionItemMapper.Attempts };
        var values = new Dictionary<string, AttributeValue>();

        // The row must still exist (a published row is not brought back by an update) and still hold the
        // attempts it was read with (two drainers seeing one rejection count it once).
        var condition = "attribute_exists(#sk) AND ";
        if (rejection.PreviousAttempts == 0)
        {
            condition += "attribute_not_exists(#n)";
        }
        else
        {
            condition += "#n = :prev";
            values[":prev"] = Attr.N(rejection.PreviousAttempts);
        }

        try
        {
            if (!rejection.GiveUp)
            {
                names["#code"] = ExecutionItemMapper.LastErrorCode;
                names["#msg"] = ExecutionItemMapper.LastErrorMessage;
                names["#last"] = ExecutionItemMapper.LastAttemptAt;
                names["#at"] = ExecutionItemMapper.AttentionAt;
                values[":next"] = Attr.N(rejection.PreviousAttempts + 1);
                values[":code"] = Attr.S(rejection.ErrorCode);
                values[":msg"] = Attr.S(rejection.ErrorMessage ?? "");
                values[":last"] = Attr.Time(rejection.At);

                // attentionAt moves to the attempt, so the finder's "older than the grace period" query skips
                // the row until then: retries are spaced by the finder's schedule, not packed into one run.
                values[":at"] = Attr.S(Attr.FormatTime(rejection.At));
                await _client.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = _table,
                        Key = key,
                        ConditionExpression = condition,
                        UpdateExpression = "SET #n = :next, #code = :code, #msg = :msg, #last = :last, #at = :at",
                        ExpressionAttributeNames = names,
                        ExpressionAttributeValues = values,
                    },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }

            var row = await GetRowAsync(executionId, ExecutionItemMapper.OutboxSortKey(rejection.EventId), cancellationToken).ConfigureAwait(false);
            if (row is null || (row.GetNOrNull(ExecutionItemMapper.Attempts) ?? 0) != rejection.PreviousAttempts)
            {
                return false;
            }

            // Moved, not flagged: pending reads stay a prefix query on OUTBOX#, and deleting the outbox row is
            // what takes it out of the finder's index partition, as a publish does.
            var delete = new Delete
            {
                TableName = _table,
                Key = key,
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
            };
            if (values.Count > 0)
            {
                delete.ExpressionAttributeValues = values;
            }

            await _client.TransactWriteItemsAsync(
                new TransactWriteItemsRequest
                {
                    TransactItems =
                    [
                        new TransactWriteItem { Delete = delete },
                        new TransactWriteItem
                        {
                            Put = new Put
                            {
                                TableName = _table,
                                Item = ExecutionItemMapper.UndeliverableRow(row, rejection),
                                ConditionExpression = "attribute_not_exists(#sk)",
                                ExpressionAttributeNames = new() { ["#sk"] = ExecutionItemMapper.SortKey },
                            },
                        },
                    ],
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        catch (TransactionCanceledException ex) when (ex.CancellationReasons?.Any(r => r.Code == "ConditionalCheckFailed") == true)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<UndeliverableEvent>> GetUndeliverableEventsAsync(string executionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        var rows = await QueryPartitionAsync(executionId, ExecutionItemMapper.UndeliverableSortKeyPrefix, cancellationToken).ConfigureAwait(false);
        return rows.Select(ExecutionItemMapper.UndeliverableFromRow).ToList();
    }

    public async Task<Page<string>> ListWithPendingEventsAsync(DateTimeOffset storedBefore, PageRequest page, CancellationToken cancellationToken) =>
        await QueryAttentionAsync(ExecutionItemMapper.AttentionOutbox, storedBefore, page, cancellationToken).ConfigureAwait(false);

    public async Task<Page<string>> ListTrackingTerminationAsync(PageRequest page, CancellationToken cancellationToken) =>
        await QueryAttentionAsync(ExecutionItemMapper.AttentionTermination, null, page, cancellationToken).ConfigureAwait(false);

    public Task<Execution> SaveAsync(Execution execution, CancellationToken cancellationToken) =>
        SaveAsync(execution, [], cancellationToken);

    public async Task<Execution> SaveAsync(Execution execution, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(events);
        var expected = execution.Version;
        var (header, claimsRow) = await GetHeaderAndClaimsAsync(execution.ExecutionId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            throw NotFound(execution.ExecutionId);
        }

        // The claims row is written in the same transaction as the header, so at this version it lists
        // exactly what the execution holds; the version condition below catches any change since.
        var storedVersion = header.GetN(ExecutionItemMapper.Version);
        if (storedVersion != expected)
        {
            throw VersionConflict(execution.ExecutionId, expected, storedVersion);
        }

        var record = execution.Record with { Version = expected + 1 };
        var held = ExecutionItemMapper.ClaimedServers(claimsRow);
        var heldPlan = header.GetEnum<ExecutionStatus>(ExecutionItemMapper.Status).IsActive();
        List<ClaimRequest> acquire;
        List<string> release;
        List<SourceServerRef> claimed;
        if (record.Status.IsActive())
        {
            var added = WaveServers(record).Except(held).ToList();
            acquire = added.Select(ServerClaim).ToList();
            if (!heldPlan)
            {
                acquire.Insert(0, PlanClaim(record.PlanId));
            }

            release = [];
            claimed = [.. held, .. added];
        }
        else
        {
            acquire = [];
            release = held.Select(s => ClaimKeys.ActiveServer(s.AccountId, s.Region, s.SourceServerId)).ToList();
            if (heldPlan)
            {
                release.Insert(0, ClaimKeys.ActivePlan(record.PlanId));
            }

            claimed = [];
        }

        // The outbox rows ride in the transaction that carries the header's version condition, so a lost
        // race writes neither the state change nor its events.
        var writes = RowWrites(record, claimed, expected);
        writes.AddRange(OutboxWrites(record, events));
        await _claims.CommitAsync(
            ClaimKeys.ExecutionOwner,
            record.ExecutionId,
            writes,
            acquire,
            release,
            IsOrphanAsync,
            cancellationToken).ConfigureAwait(false);
        return Execution.Rehydrate(record);
    }

    public async Task<IReadOnlyList<ExecutionSummary>> ListActiveAsync(CancellationToken cancellationToken)
    {
        var result = new List<ExecutionSummary>();
        foreach (var status in ActiveStatuses)
        {
            string? token = null;
            do
            {
                var page = await QueryIndexAsync(
                    TableSchema.ExecutionsByStatusIndex, ExecutionItemMapper.Status, status.ToString(), [], new PageRequest(PageRequest.MaxLimit, token), cancellationToken)
                    .ConfigureAwait(false);
                result.AddRange(page.Items);
                token = page.NextToken;
            }
            while (token is not null);
        }

        return result.OrderByDescending(s => s.CreatedAt).ToList();
    }

    public Task<Page<ExecutionSummary>> ListAsync(ExecutionStatus? status, PageRequest page, CancellationToken cancellationToken) =>
        ListMatchingAsync(new ExecutionListFilter(Status: status), page, cancellationToken);

    public Task<Page<ExecutionSummary>> ListByPlanAsync(string planId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(planId);
        return ListMatchingAsync(new ExecutionListFilter(PlanId: planId), page, cancellationToken);
    }

    /// <summary>
    /// The narrowest index answers the key condition (plan, else status, else start time); the other filters
    /// are FilterExpressions, and <see cref="FullPages"/> reads on until the page is full.
    /// </summary>
    public Task<Page<ExecutionSummary>> ListMatchingAsync(ExecutionListFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var filters = new List<(string Attribute, string Value)>();
        if (filter.Type is { } type)
        {
            filters.Add(("type", type.ToString()));
        }

        if (filter.PlanId is { } planId)
        {
            ArgumentException.ThrowIfNullOrEmpty(planId, nameof(filter));
            if (filter.Status is { } status)
            {
                filters.Add((ExecutionItemMapper.Status, status.ToString()));
            }

            return QueryIndexAsync(TableSchema.ExecutionsByPlanIndex, "planId", planId, filters, page, cancellationToken);
        }

        return filter.Status is { } s
            ? QueryIndexAsync(TableSchema.ExecutionsByStatusIndex, ExecutionItemMapper.Status, s.ToString(), filters, page, cancellationToken)
            : QueryIndexAsync(TableSchema.ExecutionsByStartTimeIndex, "recordType", ExecutionItemMapper.RecordType, filters, page, cancellationToken);
    }

    public async Task<string?> FindActiveExecutionOfPlanAsync(string planId, CancellationToken cancellationToken)
    {
        var holder = await _claims.GetHolderAsync(ClaimKeys.ActivePlan(planId), cancellationToken).ConfigureAwait(false);
        return holder?.OwnerId;
    }

    public async Task DeleteAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await GetAsync(executionId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(executionId);
        if (execution.IsActive)
        {
            throw DomainException.Conflict(ErrorCodes.ExecutionActive, $"Execution {executionId} is {execution.Status}; only ended executions can be deleted.");
        }

        var keys = await QueryKeysAsync(executionId, cancellationToken).ConfigureAwait(false);

        // A terminal execution gains no new events, so this consistent read decides for good: its pending
        // events would be lost with it. Undeliverable ones were given up on already and go with the history.
        var pending = keys.Count(k => k[ExecutionItemMapper.SortKey].S.StartsWith(ExecutionItemMapper.OutboxSortKeyPrefix, StringComparison.Ordinal));
        if (pending > 0)
        {
            throw DomainException.Conflict(
                ErrorCodes.ExecutionEventsPending,
                $"Execution {executionId} has {pending} unpublished event(s); they are published (or given up on) within minutes, then it can be deleted.",
                new Dictionary<string, object?> { ["pendingEvents"] = pending });
        }

        // Header last: until it goes, the execution still reads as a whole (or as deleted rows of a terminal run).
        foreach (var chunk in keys.OrderBy(k => k[ExecutionItemMapper.SortKey].S == ExecutionItemMapper.HeaderSortKey ? 1 : 0).Chunk(25))
        {
            var request = new BatchWriteItemRequest
            {
                RequestItems = new() { [_table] = chunk.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } }).ToList() },
            };
            do
            {
                var response = await _client.BatchWriteItemAsync(request, cancellationToken).ConfigureAwait(false);
                request.RequestItems = response.UnprocessedItems ?? [];
            }
            while (request.RequestItems.Count > 0);
        }
    }

    private Task<Page<ExecutionSummary>> QueryIndexAsync(
        string index,
        string partitionAttribute,
        string partitionValue,
        IReadOnlyList<(string Attribute, string Value)> filters,
        PageRequest page,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var tokenKeys = new List<KeyAttribute>
        {
            TableSchema.ExecutionHistory.PartitionKey,
            TableSchema.ExecutionHistory.SortKey!,
            new(partitionAttribute, KeyAttributeType.String),
            new("startedAt", KeyAttributeType.String),
        };
        var request = new QueryRequest
        {
            TableName = _table,
            IndexName = index,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = partitionAttribute },
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(partitionValue) },
            ScanIndexForward = false,
            ExclusiveStartKey = PaginationTokens.Decode(page.NextToken, tokenKeys, new Dictionary<string, string> { [partitionAttribute] = partitionValue }),
        };
        for (var i = 0; i < filters.Count; i++)
        {
            request.ExpressionAttributeNames[$"#f{i}"] = filters[i].Attribute;
            request.ExpressionAttributeValues[$":f{i}"] = Attr.S(filters[i].Value);
        }

        if (filters.Count > 0)
        {
            request.FilterExpression = string.Join(" AND ", filters.Select((_, i) => $"#f{i} = :f{i}"));
        }

        return FullPages.QueryAsync(_client, request, tokenKeys, ExecutionItemMapper.SummaryFromHeader, page.Limit, _listReadBudget, cancellationToken);
    }

    private async Task<(Dictionary<string, AttributeValue>? Header, Dictionary<string, AttributeValue>? Claims)> GetHeaderAndClaimsAsync(
        string executionId, CancellationToken cancellationToken)
    {
        var header = await GetRowAsync(executionId, ExecutionItemMapper.HeaderSortKey, cancellationToken).ConfigureAwait(false);
        var claims = header is null ? null : await GetRowAsync(executionId, ExecutionItemMapper.ClaimsSortKey, cancellationToken).ConfigureAwait(false);
        return (header, claims);
    }

    private async Task<Dictionary<string, AttributeValue>?> GetRowAsync(string executionId, string sortKey, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = RowKey(executionId, sortKey), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Every row of the partition, or only those whose sort key starts with <paramref name="sortKeyPrefix"/>.</summary>
    private async Task<List<Dictionary<string, AttributeValue>>> QueryPartitionAsync(string executionId, string? sortKeyPrefix, CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "#id = :id",
                ExpressionAttributeNames = new() { ["#id"] = ExecutionItemMapper.ExecutionId },
                ExpressionAttributeValues = new() { [":id"] = Attr.S(executionId) },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            };
            if (sortKeyPrefix is not null)
            {
                request.KeyConditionExpression += " AND begins_with(#sk, :prefix)";
                request.ExpressionAttributeNames["#sk"] = ExecutionItemMapper.SortKey;
                request.ExpressionAttributeValues[":prefix"] = Attr.S(sortKeyPrefix);
            }

            var page = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (start is not null);
        return rows;
    }

    /// <summary>
    /// One page of the sparse "needs attention" index (keys only), oldest first; distinct execution IDs of
    /// the page. <paramref name="atOrBefore"/> bounds the sort key so fresh rows are not even read.
    /// </summary>
    private async Task<Page<string>> QueryAttentionAsync(string reason, DateTimeOffset? atOrBefore, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var tokenKeys = new List<KeyAttribute>
        {
            TableSchema.ExecutionHistory.PartitionKey,
            TableSchema.ExecutionHistory.SortKey!,
            new(ExecutionItemMapper.Attention, KeyAttributeType.String),
            new(ExecutionItemMapper.AttentionAt, KeyAttributeType.String),
        };
        var request = new QueryRequest
        {
            TableName = _table,
            IndexName = TableSchema.ExecutionsNeedingAttentionIndex,
            KeyConditionExpression = "#a = :a",
            ExpressionAttributeNames = new() { ["#a"] = ExecutionItemMapper.Attention },
            ExpressionAttributeValues = new() { [":a"] = Attr.S(reason) },
            ScanIndexForward = true,
            Limit = page.Limit,
            ExclusiveStartKey = PaginationTokens.Decode(page.NextToken, tokenKeys, new Dictionary<string, string> { [ExecutionItemMapper.Attention] = reason }),
        };
        if (atOrBefore is { } cutoff)
        {
            request.KeyConditionExpression += " AND #at <= :at";
            request.ExpressionAttributeNames["#at"] = ExecutionItemMapper.AttentionAt;
            request.ExpressionAttributeValues[":at"] = Attr.S(Attr.FormatTime(cutoff));
        }

        var response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        return new Page<string>(
            (response.Items ?? []).Select(i => i.GetS(ExecutionItemMapper.ExecutionId)).Distinct(StringComparer.Ordinal).ToList(),
            PaginationTokens.Encode(response.LastEvaluatedKey));
    }

    private IEnumerable<GuardedWrite> OutboxWrites(ExecutionRecord record, IReadOnlyList<OutboxEvent> events)
    {
        long? expiresAt = _retention is { } r ? (record.CreatedAt + r).ToUnixTimeSeconds() : null;
        var id = record.ExecutionId;
        return events.Select(e => new GuardedWrite(
            new TransactWriteItem { Put = new Put { TableName = _table, Item = ExecutionItemMapper.OutboxRow(id, e, expiresAt) } },
            _ => DomainException.Conflict(ErrorCodes.VersionConflict, $"Execution {id} changed while saving; reload and retry.")));
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryKeysAsync(string executionId, CancellationToken cancellationToken)
    {
        var keys = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _client.QueryAsync(
                new QueryRequest
                {
                    TableName = _table,
                    KeyConditionExpression = "#id = :id",
                    ProjectionExpression = "#id, #sk",
                    ExpressionAttributeNames = new() { ["#id"] = ExecutionItemMapper.ExecutionId, ["#sk"] = ExecutionItemMapper.SortKey },
                    ExpressionAttributeValues = new() { [":id"] = Attr.S(executionId) },
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            keys.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (start is not null);
        return keys;
    }

    private List<GuardedWrite> RowWrites(ExecutionRecord record, IEnumerable<SourceServerRef> claimed, long? expectedVersion)
    {
        long? expiresAt = _retention is { } r ? (record.CreatedAt + r).ToUnixTimeSeconds() : null;
        var rows = ExecutionItemMapper.ToRows(record, record.Version, expiresAt);
        rows.Add(ExecutionItemMapper.ClaimsRow(record.ExecutionId, claimed, expiresAt));
        var writes = new List<GuardedWrite>();
        foreach (var row in rows)
        {
            var put = new Put { TableName = _table, Item = row };
            if (row[ExecutionItemMapper.SortKey].S == ExecutionItemMapper.HeaderSortKey)
            {
                put.ExpressionAttributeNames = new() { ["#v"] = ExecutionItemMapper.Version };
                put.ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD;
                if (expectedVersion is { } v)
                {
                    put.ConditionExpression = "#v = :v";
                    put.ExpressionAttributeValues = new() { [":v"] = Attr.N(v) };
                }
                else
                {
                    put.ConditionExpression = "attribute_not_exists(#v)";
                }
            }

            var id = record.ExecutionId;
            writes.Add(new GuardedWrite(
                new TransactWriteItem { Put = put },
                old => expectedVersion is null
                    ? DomainException.Conflict(ErrorCodes.VersionConflict, $"Execution {id} already exists.")
                    : old is null ? NotFound(id) : VersionConflict(id, expectedVersion.Value, old.GetNOrNull(ExecutionItemMapper.Version))));
        }

        // Header first, so a failed version check is the reported reason.
        return writes;
    }

    /// <summary>An execution's claim is orphaned when the execution is gone or has ended.</summary>
    private async Task<bool> IsOrphanAsync(ClaimHolder holder, CancellationToken cancellationToken)
    {
        if (holder.OwnerType != ClaimKeys.ExecutionOwner)
        {
            return false;
        }

        var header = await GetRowAsync(holder.OwnerId, ExecutionItemMapper.HeaderSortKey, cancellationToken).ConfigureAwait(false);
        return header is null || !header.GetEnum<ExecutionStatus>(ExecutionItemMapper.Status).IsActive();
    }

    private static IEnumerable<SourceServerRef> WaveServers(ExecutionRecord record) =>
        record.Waves.SelectMany(w => w.Servers).Select(s => new SourceServerRef(s.SourceServerId, s.AccountId, s.Region));

    private static ClaimRequest PlanClaim(string planId) => new(
        ClaimKeys.ActivePlan(planId),
        new Dictionary<string, AttributeValue> { ["planId"] = Attr.S(planId) },
        holder => DomainException.Conflict(
            ErrorCodes.PlanHasActiveExecution,
            $"Plan {planId} already has an active execution ({holder.OwnerId}).",
            new Dictionary<string, object?> { ["planId"] = planId, ["activeExecutionId"] = holder.OwnerId }));

    private static ClaimRequest ServerClaim(SourceServerRef server) => new(
        ClaimKeys.ActiveServer(server.AccountId, server.Region, server.SourceServerId),
        new Dictionary<string, AttributeValue>
        {
            ["accountId"] = Attr.S(server.AccountId), ["region"] = Attr.S(server.Region), ["sourceServerId"] = Attr.S(server.SourceServerId),
        },
        holder => DomainException.Conflict(
            ErrorCodes.ServerConflict,
            $"Source server {server.SourceServerId} in {server.AccountId}/{server.Region} is already in active execution {holder.OwnerId}.",
            new Dictionary<string, object?>
            {
                ["sourceServerId"] = server.SourceServerId, ["accountId"] = server.AccountId, ["region"] = server.Region, ["activeExecutionId"] = holder.OwnerId,
            }));

    private static Dictionary<string, AttributeValue> RowKey(string executionId, string sortKey) => new()
    {
        [ExecutionItemMapper.ExecutionId] = Attr.S(executionId),
        [ExecutionItemMapper.SortKey] = Attr.S(sortKey),
    };

    private static DomainException NotFound(string executionId) =>
        DomainException.NotFound(ErrorCodes.ExecutionNotFound, $"Execution {executionId} does not exist.");

    private static DomainException VersionConflict(string executionId, long expected, long? actual) => VersionConflicts.For("Execution", executionId, expected, actual);
}
