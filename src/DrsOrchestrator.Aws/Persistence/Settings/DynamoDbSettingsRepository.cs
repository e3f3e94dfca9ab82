using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Aws.Persistence.Settings;

/// <summary>Versioned settings documents, one item per key.</summary>
public sealed class DynamoDbSettingsRepository(IAmazonDynamoDB client, DynamoDbPersistenceOptions options) : ISettingsRepository
{
    private const string KeyAttribute = "settingKey";
    private const string Version = "version";
    private readonly string _table = (options ?? throw new ArgumentNullException(nameof(options))).Tables.Settings;

    public async Task<SettingsDocument?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = new() { [KeyAttribute] = Attr.S(key) }, ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item
            ? new SettingsDocument(item.GetS(KeyAttribute), item.GetS("json"), item.GetN(Version), item.GetS("updatedBy"), item.GetTime("updatedAt"))
            : null;
    }

    public async Task<SettingsDocument> SaveAsync(SettingsDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stored = document with { Version = document.Version + 1 };
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = new()
            {
                [KeyAttribute] = Attr.S(document.Key),
                ["json"] = Attr.S(document.Json),
                [Version] = Attr.N(stored.Version),
                ["updatedBy"] = Attr.S(document.UpdatedBy),
                ["updatedAt"] = Attr.Time(document.UpdatedAt),
            },
            ExpressionAttributeNames = new() { ["#v"] = Version },
            ConditionExpression = document.Version == 0 ? "attribute_not_exists(#v)" : "#v = :v",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        if (document.Version != 0)
        {
            request.ExpressionAttributeValues = new() { [":v"] = Attr.N(document.Version) };
        }

        try
        {
            await client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw DomainException.Conflict(
                ErrorCodes.VersionConflict,
                $"Settings '{document.Key}' were changed by someone else; reload and retry.",
                new Dictionary<string, object?> { ["expectedVersion"] = document.Version, ["currentVersion"] = ex.Item is { Count: > 0 } old ? old.GetNOrNull(Version) : null });
        }

        return stored;
    }
}
