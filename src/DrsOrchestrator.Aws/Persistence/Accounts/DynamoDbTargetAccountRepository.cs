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
    private readonly VersionedItemStore<TargetAccount> _items = new(
        client,
        options.Tables.TargetAccounts,
        TargetAccountItemMapper.AccountId,
        TargetAccountItemMapper.Version,
        TargetAccountItemMapper.FromItem,
        a => a.Version,
        NotFound,
        VersionConflict);

    public Task<TargetAccount?> GetAsync(string accountId, CancellationToken cancellationToken) => _items.GetAsync(accountId, cancellationToken);

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
        await _items.PutAsync(
            _items.Create(
                TargetAccountItemMapper.ToItem(stored, stored.Version),
                () => DomainException.Conflict(
                    ErrorCodes.AccountExists,
                    $"Account {account.AccountId} is already registered.",
                    new Dictionary<string, object?> { ["accountId"] = account.AccountId })),
            cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<TargetAccount> UpdateAsync(TargetAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var stored = account with { Version = account.Version + 1 };
        await _items.PutAsync(_items.Replace(account.AccountId, TargetAccountItemMapper.ToItem(stored, stored.Version), account.Version), cancellationToken)
            .ConfigureAwait(false);
        return stored;
    }

    public async Task DeleteAsync(string accountId, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);

        // Version first, so a stale delete reports VERSION_CONFLICT before ACCOUNT_IN_USE.
        await _runner.RunAsync(
            [_items.Delete(accountId, expectedVersion).ForRunner(), _references.CloseAccount(accountId).ForRunner()],
            cancellationToken).ConfigureAwait(false);
    }

    private static DomainException NotFound(string accountId) =>
        DomainException.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} is not registered.");

    private static DomainException VersionConflict(string accountId, long expected, long? actual) => VersionConflicts.For("Account", accountId, expected, actual);
}
