using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>The DynamoDB tables of <see cref="TableSchema"/>: on demand, KMS encrypted, protected outside dev.</summary>
internal sealed class DatabaseStack : NestedStack
{
    private readonly Dictionary<string, Table> tables = new(StringComparer.Ordinal);

    public DatabaseStack(Construct scope, string id, DatabaseStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator DynamoDB tables." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var protect = config.Environment != "dev";
        foreach (var definition in props.Tables)
        {
            var table = new Table(this, definition.LogicalName, new TableProps
            {
                TableName = config.Name(definition.NameSuffix),
                PartitionKey = Key(definition.PartitionKey),
                SortKey = definition.SortKey is null ? null : Key(definition.SortKey),
                BillingMode = BillingMode.PAY_PER_REQUEST,
                Encryption = TableEncryption.AWS_MANAGED,
                PointInTimeRecovery = definition.PointInTimeRecovery,
                DeletionProtection = protect,
                RemovalPolicy = protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
                TimeToLiveAttribute = definition.TimeToLiveAttribute,
                Stream = definition.Stream switch
                {
                    StreamRequirement.NewImage => StreamViewType.NEW_IMAGE,
                    StreamRequirement.NewAndOldImages => StreamViewType.NEW_AND_OLD_IMAGES,
                    _ => null,
                },
            });
            foreach (var index in definition.GlobalSecondaryIndexes)
            {
                table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                {
                    IndexName = index.IndexName,
                    PartitionKey = Key(index.PartitionKey),
                    SortKey = index.SortKey is null ? null : Key(index.SortKey),
                    ProjectionType = index.Projection switch
                    {
                        IndexProjection.KeysOnly => ProjectionType.KEYS_ONLY,
                        IndexProjection.Include => ProjectionType.INCLUDE,
                        _ => ProjectionType.ALL,
                    },
                    NonKeyAttributes = index.Projection == IndexProjection.Include ? [.. index.NonKeyAttributes] : null,
                });
            }

            if (!definition.PointInTimeRecovery)
            {
                Nag.Suppress(table, new NagSuppression("AwsSolutions-DDB3",
                    $"TableSchema.{definition.LogicalName} opts out of PITR: its rows expire by TTL ({definition.TimeToLiveAttribute}) and are derived from DRS job history, not operator-authored configuration."));
            }

            tables[definition.NameSuffix] = table;
        }
    }

    public IReadOnlyCollection<Table> Tables => tables.Values;

    public ITable TableFor(TableDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return tables[definition.NameSuffix];
    }

    private static Amazon.CDK.AWS.DynamoDB.Attribute Key(KeyAttribute attribute) => new()
    {
        Name = attribute.Name,
        Type = attribute.Type == KeyAttributeType.Number ? AttributeType.NUMBER : AttributeType.STRING,
    };
}
