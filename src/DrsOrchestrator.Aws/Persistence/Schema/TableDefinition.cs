namespace DrsOrchestrator.Aws.Persistence.Schema;

/// <summary>
/// One DynamoDB table as both the CDK database stack and the local provisioner build it. Plain data
/// on purpose: the CDK project reads it without touching the AWS SDK.
/// </summary>
/// <param name="LogicalName">CloudFormation logical id stem (PascalCase).</param>
/// <param name="NameSuffix">Physical name is <c>{projectName}-{environment}-{NameSuffix}</c>.</param>
/// <param name="EnvironmentVariable">Variable the lambda stack sets to the physical name.</param>
/// <param name="TimeToLiveAttribute">Epoch-seconds attribute DynamoDB expires items by, if any.</param>
/// <param name="PointInTimeRecovery">Tables holding operator-authored configuration must be restorable.</param>
public sealed record TableDefinition(
    string LogicalName,
    string NameSuffix,
    string EnvironmentVariable,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<GlobalSecondaryIndexDefinition> GlobalSecondaryIndexes,
    string? TimeToLiveAttribute,
    StreamRequirement Stream,
    bool PointInTimeRecovery)
{
    /// <summary>Every key attribute of the table and its indexes, once each (what CreateTable's AttributeDefinitions needs).</summary>
    public IReadOnlyList<KeyAttribute> KeyAttributes =>
        new[] { PartitionKey, SortKey }
            .Concat(GlobalSecondaryIndexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }))
            .OfType<KeyAttribute>()
            .DistinctBy(a => a.Name)
            .ToList();
}
