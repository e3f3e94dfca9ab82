using DrsOrchestrator.Cdk.Configuration;

namespace DrsOrchestrator.Cdk.Constructs;

internal sealed class WebAclProps
{
    public required DeploymentConfig Config { get; init; }

    /// <summary>Short resource name, e.g. <c>api-waf</c>.</summary>
    public required string Name { get; init; }

    /// <summary>REGIONAL (API Gateway) or CLOUDFRONT (only valid in us-east-1).</summary>
    public required string Scope { get; init; }

    /// <summary>Requests per 5 minutes from one IP before WAF blocks it.</summary>
    public int RateLimit { get; init; } = 1000;
}
