using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Claims;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Aws.Persistence.Accounts;

/// <summary>
/// Target accounts keyed by account id, so "one record per account" is the table key itself. Listing scans
/// with pagination: an organisation registers tens of spoke accounts, and only the console lists them.
/// Groups hold references on their account (written by the group repository); a delete is one transaction
/// with the check that none do.
/// </summary>
public sealed class DynamoDbTargetAccountRepository(IAmazonDynamoDB client, DynamoDbPersistenceOptions options) : ITargetAccountRepository
{
    private readonly string _table = (options ?? throw new ArgumentNullException(nameof(options))).Tables.TargetAccounts;
    private readonly ReferenceWrites _references = new(options.Tables.Locks);
    private readonly TransactionRunner _runner = new(client);

    public async Task<TargetAccount?> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var response = await client.GetItemAsync(new GetItemRequest { TableName = _table, Key = Key(accountId), ConsistentRead = true }, cancellationToken)
            .ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? TargetAccountItemMapper.FromItem(item) : null;
    }

    public Task<Page<TargetAccount>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        FullPages.ScanAsync(
            client,
            new ScanRequest { TableName = _table },
            TableSchema.TargetAccounts.PartitionKey,
            TargetAccountItemMapper.FromItem,
            null,
            page,
            options.ListReadBudget,
            cancellationToken);

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
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var delete = new TransactWriteItem
        {
            Delete = new Delete
            {
                TableName = _table,
                Key = Key(accountId),
                ConditionExpression = "#v = :v",
                ExpressionAttributeNames = new() { ["#v"] = TargetAccountItemMapper.Version },
                ExpressionAttributeValues = new() { [":v"] = Attr.N(expectedVersion) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        };
        var unused = _references.CloseAccount(accountId);

        // Version first, so a stale delete reports VERSION_CONFLICT before ACCOUNT_IN_USE.
        await _runner.RunAsync(
            [
                (delete, reason => Failed(accountId, expectedVersion, reason.Item)),
                (unused.Item, reason => unused.OnConditionFailed(reason.Item is { Count: > 0 } item ? item : null)),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    private static DomainException Failed(string accountId, long expected, ConditionalCheckFailedException ex) => Failed(accountId, expected, ex.Item);

    private static DomainException Failed(string accountId, long expected, Dictionary<string, AttributeValue>? stored) =>
        stored is { Count: > 0 } old
            ? DomainException.Conflict(
                ErrorCodes.VersionConflict,
                $"Account {accountId} was changed by someone else (expected version {expected}); reload and retry.",
                new Dictionary<string, object?> { ["expectedVersion"] = expected, ["currentVersion"] = old.GetNOrNull(TargetAccountItemMapper.Version) })
            : DomainException.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} is not registered.");

    private static Dictionary<string, AttributeValue> Key(string accountId) => new() { [TargetAccountItemMapper.AccountId] = Attr.S(accountId) };
}
