using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class TableSchemaTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    [Fact]
    public void FromEnvironment_AllVariablesSet_UsesThem()
    {
        var variables = TableSchema.All.ToDictionary(t => t.EnvironmentVariable, t => "drs-prod-" + t.NameSuffix);

        var names = TableNames.FromEnvironment(v => variables.GetValueOrDefault(v));

        Assert.Equal(TableNames.For("drs", "prod"), names);
    }

    [Fact]
    public void FromEnvironment_VariableMissing_NamesItInTheError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TableNames.FromEnvironment(v => v == "LOCKS_TABLE" ? null : "x"));

        Assert.Contains("LOCKS_TABLE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureTablesAsync_CreatesTablesExactlyAsDefined()
    {
        foreach (var definition in TableSchema.All)
        {
            var table = (await Client.DescribeTableAsync(Tables.NameOf(definition))).Table;

            Assert.Equal(definition.PartitionKey.Name, table.KeySchema.Single(k => k.KeyType == "HASH").AttributeName);
            Assert.Equal(definition.SortKey?.Name, table.KeySchema.SingleOrDefault(k => k.KeyType == "RANGE")?.AttributeName);
            Assert.Equal(
                definition.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(),
                (table.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).Order());
            var ttl = await Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = Tables.NameOf(definition) });
            Assert.Equal(definition.TimeToLiveAttribute, ttl.TimeToLiveDescription.AttributeName);
        }
    }

    [Fact]
    public async Task EnsureTablesAsync_RunTwice_IsIdempotent()
    {
        await new TableProvisioner(Client).EnsureTablesAsync(Tables, default);

        var prefix = Tables.Locks[..^"locks".Length];
        var ours = new List<string>();
        string? start = null;
        do
        {
            var page = await Client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start });
            ours.AddRange(page.TableNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        Assert.Equal(TableSchema.All.Select(Tables.NameOf).Order(), ours.Order());
    }
}
