using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.SecretsManager;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class LambdaStackProps
{
    public required DeploymentConfig Config { get; init; }

    public required IAssetSource Assets { get; init; }

    public required IReadOnlyDictionary<TableDefinition, ITable> Tables { get; init; }

    public required ISecret IntegrationSecret { get; init; }
}
