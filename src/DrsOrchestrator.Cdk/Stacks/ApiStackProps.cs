using Amazon.CDK.AWS.Lambda;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class ApiStackProps
{
    public required DeploymentConfig Config { get; init; }

    public required IFunction ApiFunction { get; init; }

    /// <summary>The REGIONAL web ACL from the security stack.</summary>
    public required string WebAclArn { get; init; }

    /// <summary>The catalog the dispatcher and OpenAPI document use; defaults to the whole route table.</summary>
    public IReadOnlyList<RouteDefinition> Routes { get; init; } = RouteTable.All;
}
