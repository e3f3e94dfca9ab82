using Amazon.CDK.AWS.SNS;
using DrsOrchestrator.Cdk.Configuration;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class PipelineStackProps
{
    public required DeploymentConfig Config { get; init; }

    public required ITopic NotificationTopic { get; init; }
}
