using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class DatabaseStackTests(FullAppFixture full, ExternalRoleAppFixture prod)
{
    [Fact]
    public void Tables_SharedSchema_OneTablePerDefinition()
    {
        // Arrange
        var template = full.TemplateOf(full.Stacks.Hub.Database);

        // Act + Assert
        template.ResourceCountIs("AWS::DynamoDB::Table", TableSchema.All.Count);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Table_Definition_MatchesKeysIndexesTtlAndPitr(string nameSuffix)
    {
        // Arrange
        var definition = TableSchema.All.Single(t => t.NameSuffix == nameSuffix);
        var json = full.JsonOf(full.Stacks.Hub.Database);

        // Act
        var table = json.Resources("AWS::DynamoDB::Table").Select(r => r.Resource.Props())
            .Single(p => p["TableName"].Str() == "drs-orchestrator-dev-" + nameSuffix);

        // Assert
        var keys = table["KeySchema"]!.AsArray().Select(k => (k!["AttributeName"].Str(), k["KeyType"].Str())).ToList();
        Assert.Contains((definition.PartitionKey.Name, "HASH"), keys);
        if (definition.SortKey is not null)
        {
            Assert.Contains((definition.SortKey.Name, "RANGE"), keys);
        }

        Assert.Equal("PAY_PER_REQUEST", table["BillingMode"].Str());
        Assert.True(table["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
        Assert.Equal(definition.PointInTimeRecovery,
            table["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]?.GetValue<bool>() ?? false);
        Assert.Equal(definition.TimeToLiveAttribute, table["TimeToLiveSpecification"]?["AttributeName"]?.GetValue<string>());
        var indexes = table["GlobalSecondaryIndexes"]?.AsArray().Select(i => i!["IndexName"].Str()).ToList() ?? [];
        Assert.Equal(definition.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(), indexes.Order());
    }

    [Fact]
    public void ExecutionHistory_NeedsAttentionIndex_KeysOnlyOnAttentionAndTime()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Database);

        // Act
        var table = json.Resources("AWS::DynamoDB::Table").Select(r => r.Resource.Props())
            .Single(p => p["TableName"].Str() == "drs-orchestrator-dev-" + TableSchema.ExecutionHistory.NameSuffix);
        var index = table["GlobalSecondaryIndexes"]!.AsArray().Single(i => i!["IndexName"].Str() == TableSchema.ExecutionsNeedingAttentionIndex)!;

        // Assert: the finder reads only keys from it, so nothing else is copied into the index.
        Assert.Equal("KEYS_ONLY", index["Projection"]!["ProjectionType"].Str());
        Assert.Equal(
            [("attention", "HASH"), ("attentionAt", "RANGE")],
            index["KeySchema"]!.AsArray().Select(k => (k!["AttributeName"].Str(), k["KeyType"].Str())).ToList());
        var definitions = table["AttributeDefinitions"]!.AsArray().Select(a => (a!["AttributeName"].Str(), a["AttributeType"].Str())).ToList();
        Assert.Contains(("attention", "S"), definitions);
        Assert.Contains(("attentionAt", "S"), definitions);
    }

    [Fact]
    public void Tables_Dev_AreNotDeletionProtected()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Database);

        // Act
        var tables = json.Resources("AWS::DynamoDB::Table");

        // Assert
        Assert.All(tables, t =>
        {
            Assert.False(t.Resource.Props()["DeletionProtectionEnabled"]?.GetValue<bool>() ?? false);
            Assert.Equal("Delete", t.Resource["DeletionPolicy"].Str());
        });
    }

    [Fact]
    public void Tables_Prod_AreDeletionProtectedAndRetained()
    {
        // Arrange
        var json = prod.JsonOf(prod.Stacks.Hub.Database);

        // Act
        var tables = json.Resources("AWS::DynamoDB::Table");

        // Assert
        Assert.All(tables, t =>
        {
            Assert.True(t.Resource.Props()["DeletionProtectionEnabled"]!.GetValue<bool>());
            Assert.Equal("Retain", t.Resource["DeletionPolicy"].Str());
        });
    }

    public static TheoryData<string> Definitions() => [.. TableSchema.All.Select(t => t.NameSuffix)];
}
