using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Aws.Persistence;

/// <summary>
/// Reads list pages that are full after filtering: DynamoDB applies <c>Limit</c> before a FilterExpression
/// (and our own in-memory filters run after the read), so one DynamoDB page can hold fewer matches than asked
/// for, or none. This keeps reading until it has one match more than the page needs, the data ends, or the
/// request has examined its read budget (<see cref="DynamoDbPersistenceOptions.ListReadBudget"/>).
/// </summary>
/// <remarks>
/// The token resumes right after the last item RETURNED (its key as ExclusiveStartKey), never after the last
/// item read, so the extra match that proved "there is more" is the first item of the next page. Only when the
/// budget runs out is the token DynamoDB's own LastEvaluatedKey: every item read up to it was either returned
/// or did not match, so nothing is skipped; that page may be short, which is the documented cost of the cap.
/// </remarks>
internal static class FullPages
{
    /// <summary>How many items a filtered read asks DynamoDB to examine per call; fewer round trips when matches are sparse.</summary>
    private const int FilteredBatch = 200;

    public static async Task<Page<T>> ScanAsync<T>(
        IAmazonDynamoDB client,
        ScanRequest request,
        KeyAttribute partitionKey,
        Func<Dictionary<string, AttributeValue>, T> map,
        Func<T, bool>? keep,
        PageRequest page,
        int readBudget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var start = PaginationTokens.Decode(page.NextToken, [partitionKey]);
        var (items, resume) = await ReadAsync(
            async (from, limit, ct) =>
            {
                request.ExclusiveStartKey = from;
                request.Limit = limit;
                var response = await client.ScanAsync(request, ct).ConfigureAwait(false);
                return new Batch(response.Items ?? [], response.LastEvaluatedKey, response.ScannedCount ?? response.Items?.Count ?? 0);
            },
            map,
            keep,
            [partitionKey.Name],
            start,
            page.Limit,
            request.FilterExpression is not null || keep is not null,
            readBudget,
            cancellationToken).ConfigureAwait(false);
        return new Page<T>(items, PaginationTokens.Encode(resume));
    }

    /// <param name="request">The query; its <c>ExclusiveStartKey</c> is the decoded token, or null.</param>
    /// <param name="keyAttributes">The attributes of a LastEvaluatedKey for this table or index (what a token holds).</param>
    public static async Task<Page<T>> QueryAsync<T>(
        IAmazonDynamoDB client,
        QueryRequest request,
        IReadOnlyList<KeyAttribute> keyAttributes,
        Func<Dictionary<string, AttributeValue>, T> map,
        int limit,
        int readBudget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keyAttributes);
        var (items, resume) = await ReadAsync(
            async (from, batchLimit, ct) =>
            {
                request.ExclusiveStartKey = from;
                request.Limit = batchLimit;
                var response = await client.QueryAsync(request, ct).ConfigureAwait(false);
                return new Batch(response.Items ?? [], response.LastEvaluatedKey, response.ScannedCount ?? response.Items?.Count ?? 0);
            },
            map,
            null,
            [.. keyAttributes.Select(k => k.Name)],
            request.ExclusiveStartKey,
            limit,
            request.FilterExpression is not null,
            readBudget,
            cancellationToken).ConfigureAwait(false);
        return new Page<T>(items, PaginationTokens.Encode(resume));
    }

    private static async Task<(List<T> Items, Dictionary<string, AttributeValue>? Resume)> ReadAsync<T>(
        Func<Dictionary<string, AttributeValue>?, int, CancellationToken, Task<Batch>> read,
        Func<Dictionary<string, AttributeValue>, T> map,
        Func<T, bool>? keep,
        IReadOnlyList<string> keyAttributes,
        Dictionary<string, AttributeValue>? start,
        int limit,
        bool filtered,
        int readBudget,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        Dictionary<string, AttributeValue>? lastReturned = null;
        var examined = 0;
        while (true)
        {
            var wanted = filtered ? Math.Max(limit + 1, FilteredBatch) : limit + 1;
            var batch = await read(start, Math.Max(1, Math.Min(wanted, readBudget - examined)), cancellationToken).ConfigureAwait(false);
            examined += batch.Examined;
            foreach (var raw in batch.Items)
            {
                var item = map(raw);
                if (keep is not null && !keep(item))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    // A match beyond the page proves there is more: the next page starts with it.
                    return (items, KeyOf(lastReturned!, keyAttributes));
                }

                items.Add(item);
                lastReturned = raw;
            }

            if (batch.LastEvaluatedKey is not { Count: > 0 } last)
            {
                return (items, null);
            }

            start = last;
            if (examined >= readBudget)
            {
                return (items, last);
            }
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item, IReadOnlyList<string> keyAttributes) =>
        keyAttributes.ToDictionary(
            name => name,
            name => item.TryGetValue(name, out var value) ? value : throw new InvalidDataException($"Listed item lacks key attribute '{name}'."),
            StringComparer.Ordinal);

    private sealed record Batch(List<Dictionary<string, AttributeValue>> Items, Dictionary<string, AttributeValue>? LastEvaluatedKey, int Examined);
}
