using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>Valid <c>Custom::ConsoleDeployment</c> properties as the frontend stack writes them; tests change one thing.</summary>
internal sealed class ConsoleDeploymentPropertiesBuilder
{
    public const string SourceBucket = "cdk-assets-bucket";
    public const string SourceKey = "0a1b2c3d.zip";
    public const string TargetBucket = "drs-orchestrator-dev-site";
    public const string DistributionId = "E2EXAMPLE0ABC";

    private ConsoleDeploymentProperties properties = new(
        SourceBucket, SourceKey, "0a1b2c3d", TargetBucket, DistributionId,
        new AwsConfigProperties("eu-west-1", "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/", "eu-west-1_Pool1", "client123", "cognito"));

    public ConsoleDeploymentPropertiesBuilder With(Func<ConsoleDeploymentProperties, ConsoleDeploymentProperties> change)
    {
        properties = change(properties);
        return this;
    }

    public ConsoleDeploymentPropertiesBuilder WithAwsConfig(Func<AwsConfigProperties, AwsConfigProperties> change)
    {
        properties = properties with { AwsConfig = change(properties.AwsConfig!) };
        return this;
    }

    public ConsoleDeploymentProperties Build() => properties;
}
