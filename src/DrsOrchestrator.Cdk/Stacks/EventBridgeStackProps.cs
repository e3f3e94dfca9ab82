using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using DrsOrchestrator.Cdk.Configuration;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class EventBridgeStackProps
{
    public required DeploymentConfig Config { get; init; }

    public required IFunction PollerFunction { get; init; }

    public required ITopic NotificationTopic { get; init; }
}
