using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.StepFunctions;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class MonitoringStackProps
{
    public required DeploymentConfig Config { get; init; }

    public required IReadOnlyList<DotnetFunction> Functions { get; init; }

    public required IStateMachine StateMachine { get; init; }

    public required IRestApi Api { get; init; }

    public required string ApiStageName { get; init; }

    public required IReadOnlyList<ITable> Tables { get; init; }
}
