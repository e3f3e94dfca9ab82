using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Aws.Persistence.Accounts;

/// <summary>
/// Target accounts keyed by account id, so "one record per account" is the table key itself. Listing scans
/// with pagination: an organisation registers tens of spoke accounts, and only the console lists them.
/// </summary>
public sealed class DynamoDbTargetAccountRepository(IAmazonDynamoDB client, DynamoDbPersistenceOptions options) : ITargetAccountRepository
{
    private readonly string _table = (options ?? throw new ArgumentNullException(nameof(options))).Tables.TargetAccounts;

    public async Task<TargetAccount?> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var response = await client.GetItemAsync(new GetItemRequest { TableName = _table, Key = Key(accountId), ConsistentRead = true }, cancellationToken)
            .ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? TargetAccountItemMapper.FromItem(item) : null;
    }

    public async Task<Page<TargetAccount>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var response = await client.ScanAsync(
            new ScanRequest
            {
                TableName = _table,
                Limit = page.Limit,
                ExclusiveStartKey = PaginationTokens.Decode(page.NextToken, [TableSchema.TargetAccounts.PartitionKey]),
            },
            cancellationToken).ConfigureAwait(false);
        return new Page<TargetAccount>((response.Items ?? []).Select(TargetAccountItemMapper.FromItem).ToList(), PaginationTokens.Encode(response.LastEvaluatedKey));
    }

    public async Task<TargetAccount> CreateAsync(TargetAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var stored = account with { Version = 1 };
        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _table,
                    Item = TargetAccountItemMapper.ToItem(stored, stored.Version),
                    ConditionExpression = "attribute_not_exists(#id)",
                    ExpressionAttributeNames = new() { ["#id"] = TargetAccountItemMapper.AccountId },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            throw DomainException.Conflict(
                ErrorCodes.AccountExists,
                $"Account {account.AccountId} is already registered.",
                new Dictionary<string, object?> { ["accountId"] = account.AccountId });
        }

        return stored;
    }

    public async Task<TargetAccount> UpdateAsync(TargetAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var stored = account with { Version = account.Version + 1 };
        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _table,
                    Item = TargetAccountItemMapper.ToItem(stored, stored.Version),
                    ConditionExpression = "#v = :v",
                    ExpressionAttributeNames = new() { ["#v"] = TargetAccountItemMapper.Version },
                    ExpressionAttributeValues = new() { [":v"] = Attr.N(account.Version) },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw Failed(account.AccountId, account.Version, ex);
        }

        return stored;
    }

    public async Task DeleteAsync(string accountId, long expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = _table,
                    Key = Key(accountId),
                    ConditionExpression = "#v = :v",
                    ExpressionAttributeNames = new() { ["#v"] = TargetAccountItemMapper.Version },
                    ExpressionAttributeValues = new() { [":v"] = Attr.N(expectedVersion) },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw Failed(accountId, expectedVersion, ex);
        }
    }

    private static DomainException Failed(string accountId, long expected, ConditionalCheckFailedException ex) =>
        ex.Item is { Count: > 0 } old
            ? DomainException.Conflict(
                ErrorCodes.VersionConflict,
                $"Account {accountId} was changed by someone else (expected version {expected}); reload and retry.",
                new Dictionary<string, object?> { ["expectedVersion"] = expected, ["currentVersion"] = old.GetNOrNull(TargetAccountItemMapper.Version) })
            : DomainException.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} is not registered.");

    private static Dictionary<string, AttributeValue> Key(string accountId) => new() { [TargetAccountItemMapper.AccountId] = Attr.S(accountId) };
}
