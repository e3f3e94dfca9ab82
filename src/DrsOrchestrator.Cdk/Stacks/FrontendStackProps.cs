using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class FrontendStackProps
{
    public required DeploymentConfig Config { get; init; }

    /// <summary>The custom resource's handler (Functions.FrontendBuilder).</summary>
    public required DotnetFunction Builder { get; init; }

    /// <summary>The built console (frontend/dist) to publish.</summary>
    public required string ConsoleDirectory { get; init; }

    public required string ApiUrl { get; init; }

    public required string UserPoolId { get; init; }

    public required string UserPoolClientId { get; init; }

    /// <summary>CLOUDFRONT-scope web ACL ARN; null when none exists in us-east-1 yet (dev/test outside us-east-1).</summary>
    public string? WebAclArn { get; init; }
}
