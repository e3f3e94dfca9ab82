using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <summary>
/// Creates the tables from <see cref="TableSchema"/> on DynamoDB Local (local host and tests). In AWS the
/// CDK database stack creates the same tables from the same definitions; this never runs there.
/// </summary>
public sealed class TableProvisioner(IAmazonDynamoDB client)
{
    public async Task EnsureTablesAsync(TableNames names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var existing = await ListTableNamesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in TableSchema.All)
        {
            var name = names.NameOf(table);
            if (!existing.Contains(name))
            {
                await CreateAsync(table, name, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AddMissingIndexesAsync(table, name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<HashSet<string>> ListTableNamesAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start }, cancellationToken)
                .ConfigureAwait(false);
            names.UnionWith(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (!string.IsNullOrEmpty(start));
        return names;
    }

    private async Task CreateAsync(TableDefinition table, string name, CancellationToken cancellationToken)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = table.KeyAttributes
                .Select(a => new AttributeDefinition(a.Name, a.Type == KeyAttributeType.Number ? ScalarAttributeType.N : ScalarAttributeType.S))
                .ToList(),
            KeySchema = KeySchema(table.PartitionKey, table.SortKey),
        };
        if (table.GlobalSecondaryIndexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = table.GlobalSecondaryIndexes
                .Select(i => new GlobalSecondaryIndex
                {
                    IndexName = i.IndexName,
                    KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                    Projection = ToProjection(i),
                })
                .ToList();
        }

        if (table.Stream != StreamRequirement.None)
        {
            request.StreamSpecification = new StreamSpecification
            {
                StreamEnabled = true,
                StreamViewType = table.Stream == StreamRequirement.NewImage ? StreamViewType.NEW_IMAGE : StreamViewType.NEW_AND_OLD_IMAGES,
            };
        }

        try
        {
            await client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Another process provisioned it between our list and create; the definition is the same.
        }

        await WaitUntilActiveAsync(name, cancellationToken).ConfigureAwait(false);

        if (table.TimeToLiveAttribute is { } ttl)
        {
            await client.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = name,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true },
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A local data directory (-dbPath) keeps tables from before an index was added to the schema; without
    /// this the first query on the new index would fail. One index per UpdateTable, as DynamoDB requires.
    /// </summary>
    private async Task AddMissingIndexesAsync(TableDefinition table, string name, CancellationToken cancellationToken)
    {
        foreach (var index in table.GlobalSecondaryIndexes)
        {
            var described = await client.DescribeTableAsync(name, cancellationToken).ConfigureAwait(false);
            if ((described.Table.GlobalSecondaryIndexes ?? []).Any(i => i.IndexName == index.IndexName))
            {
                continue;
            }

            await client.UpdateTableAsync(
                new UpdateTableRequest
                {
                    TableName = name,
                    AttributeDefinitions = new[] { index.PartitionKey, index.SortKey }.OfType<KeyAttribute>()
                        .Select(a => new AttributeDefinition(a.Name, a.Type == KeyAttributeType.Number ? ScalarAttributeType.N : ScalarAttributeType.S))
                        .ToList(),
                    GlobalSecondaryIndexUpdates =
                    [
                        new GlobalSecondaryIndexUpdate
                        {
                            Create = new CreateGlobalSecondaryIndexAction
                            {
                                IndexName = index.IndexName,
                                KeySchema = KeySchema(index.PartitionKey, index.SortKey),
                                Projection = ToProjection(index),
                            },
                        },
                    ],
                },
                cancellationToken).ConfigureAwait(false);
            await WaitUntilActiveAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilActiveAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var described = await client.DescribeTableAsync(name, cancellationToken).ConfigureAwait(false);
            if (described.Table.TableStatus == TableStatus.ACTIVE
                && (described.Table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus is null || i.IndexStatus == IndexStatus.ACTIVE))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"Table {name} did not become ACTIVE.");
    }

    private static List<KeySchemaElement> KeySchema(KeyAttribute partitionKey, KeyAttribute? sortKey)
    {
        var schema = new List<KeySchemaElement> { new(partitionKey.Name, KeyType.HASH) };
        if (sortKey is not null)
        {
            schema.Add(new KeySchemaElement(sortKey.Name, KeyType.RANGE));
        }

        return schema;
    }

    private static Projection ToProjection(GlobalSecondaryIndexDefinition index) => index.Projection switch
    {
        IndexProjection.All => new Projection { ProjectionType = ProjectionType.ALL },
        IndexProjection.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
        _ => new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = index.NonKeyAttributes.ToList() },
    };
}
