using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Claims;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence;

/// <summary>
/// The row half of an aggregate stored as one item under a single string key with a version number
/// (protection groups, recovery plans, target accounts): consistent reads, and writes conditioned on the
/// version the caller read, so two concurrent writers never both win. Each repository keeps its own
/// not-found and version-conflict errors (their codes and wording are part of the API); this class only
/// decides which of the two a failed condition means: no stored item is "not found", any other stored item
/// is "someone else changed it".
/// </summary>
/// <remarks>
/// Writes come back as <see cref="GuardedWrite"/>s so the caller decides how they are sent: inside its
/// claim/reference transaction, or alone with <see cref="PutAsync"/>.
/// </remarks>
internal sealed class VersionedItemStore<T>(
    IAmazonDynamoDB client,
    string table,
    string keyAttribute,
    string versionAttribute,
    Func<Dictionary<string, AttributeValue>, T> fromItem,
    Func<T, long> versionOf,
    Func<string, DomainException> notFound,
    Func<string, long, long?, DomainException> versionConflict)
    where T : class
{
    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = table, Key = Key(id), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? fromItem(item) : null;
    }

    /// <summary>
    /// The stored item, which must be at <paramref name="expectedVersion"/>. Callers read it to learn what the
    /// stored version holds (claims, references); the write that follows is still conditioned on the version,
    /// so a change between this read and that write fails too.
    /// </summary>
    public async Task<T> GetAtVersionAsync(string id, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw notFound(id);
        var stored = versionOf(current);
        return stored == expectedVersion ? current : throw versionConflict(id, expectedVersion, stored);
    }

    /// <summary>Puts a new item on condition that nothing is stored under its key.</summary>
    public GuardedWrite Create(Dictionary<string, AttributeValue> item, Func<DomainException> exists) => new(
        new TransactWriteItem
        {
            Put = new Put
            {
                TableName = table,
                Item = item,
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new() { ["#id"] = keyAttribute },
            },
        },
        _ => exists());

    /// <summary>Replaces the item on condition that it is stored at <paramref name="expectedVersion"/>.</summary>
    public GuardedWrite Replace(string id, Dictionary<string, AttributeValue> item, long expectedVersion) => new(
        new TransactWriteItem
        {
            Put = new Put
            {
                TableName = table,
                Item = item,
                ConditionExpression = "#v = :v",
                ExpressionAttributeNames = new() { ["#v"] = versionAttribute },
                ExpressionAttributeValues = new() { [":v"] = Attr.N(expectedVersion) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        },
        old => ConditionFailed(id, expectedVersion, old));

    /// <summary>Deletes the item on condition that it is stored at <paramref name="expectedVersion"/>.</summary>
    public GuardedWrite Delete(string id, long expectedVersion) => new(
        new TransactWriteItem
        {
            Delete = new Delete
            {
                TableName = table,
                Key = Key(id),
                ConditionExpression = "#v = :v",
                ExpressionAttributeNames = new() { ["#v"] = versionAttribute },
                ExpressionAttributeValues = new() { [":v"] = Attr.N(expectedVersion) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        },
        old => ConditionFailed(id, expectedVersion, old));

    /// <summary>
    /// Sends a <see cref="Create"/> or <see cref="Replace"/> as a single PutItem, for an aggregate whose write
    /// touches no other item: same condition, same error, without a transaction's cost.
    /// </summary>
    public async Task PutAsync(GuardedWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var put = write.Item.Put ?? throw new ArgumentException("Only a put can be sent as PutItem.", nameof(write));
        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = put.TableName,
                    Item = put.Item,
                    ConditionExpression = put.ConditionExpression,
                    ExpressionAttributeNames = put.ExpressionAttributeNames,
                    ExpressionAttributeValues = put.ExpressionAttributeValues,
                    ReturnValuesOnConditionCheckFailure = put.ReturnValuesOnConditionCheckFailure,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw write.OnConditionFailed(ex.Item is { Count: > 0 } item ? item : null);
        }
    }

    private Dictionary<string, AttributeValue> Key(string id) => new() { [keyAttribute] = Attr.S(id) };

    private DomainException ConditionFailed(string id, long expectedVersion, Dictionary<string, AttributeValue>? old) =>
        old is null ? notFound(id) : versionConflict(id, expectedVersion, old.GetNOrNull(versionAttribute));
}
