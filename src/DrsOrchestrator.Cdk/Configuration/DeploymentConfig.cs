namespace DrsOrchestrator.Cdk.Configuration;

/// <summary>
/// Every knob of a deployment, validated once by <see cref="DeploymentConfigReader"/>. Stacks read
/// this record only; none of them looks at CDK context directly.
/// </summary>
internal sealed record DeploymentConfig
{
    public const string DefaultProjectName = "drs-orchestrator";

    /// <summary>CloudFront only accepts web ACLs created in this region.</summary>
    public const string CloudFrontWafRegion = "us-east-1";

    public required string ProjectName { get; init; }

    public required string Environment { get; init; }

    public required string Region { get; init; }

    /// <summary>Null keeps the stacks account-agnostic (synth without credentials).</summary>
    public string? Account { get; init; }

    public string? AdminEmail { get; init; }

    public string? NotificationEmail { get; init; }

    public bool DeployFrontend { get; init; } = true;

    public bool DeployPipeline { get; init; }

    public string? ExternalOrchestrationRoleArn { get; init; }

    public IReadOnlyList<string> WafAllowedIpRanges { get; init; } = [];

    /// <summary>A CLOUDFRONT-scope web ACL created in us-east-1, needed when the hub lives elsewhere.</summary>
    public string? CloudFrontWebAclArn { get; init; }

    public string PipelineBranch { get; init; } = "main";

    /// <summary>
    /// The console's origin (https://host[:port]): a custom domain, or the CloudFront URL from the first
    /// deployment's ConsoleUrl output. It is configuration because the distribution is created after the
    /// lambda stack, and referencing its domain from the API function would make the stacks depend on each other.
    /// </summary>
    public string? ConsoleOrigin { get; init; }

    /// <summary>What the API allows cross-origin: the console's origin, or any origin outside prod when none is configured.</summary>
    public string CorsAllowedOrigin => ConsoleOrigin ?? "*";

    /// <summary>Target accounts whose DRS launch results may be put on the hub's bus (forwarded by the spoke stack).</summary>
    public IReadOnlyList<string> SpokeAccountIds { get; init; } = [];

    /// <summary>An AWS Organizations id (o-...): every account of it may forward launch results to the hub's bus.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Whether any spoke can reach the hub's bus; without it spoke waves complete by the reconcile schedule only.</summary>
    public bool AcceptsSpokeEvents => SpokeAccountIds.Count > 0 || OrganizationId is not null;

    /// <summary>Tests set this to synthesize against empty asset folders instead of publishing.</summary>
    public bool SkipPackaging { get; init; }

    public bool IsProduction => Environment == "prod";

    public DeploymentMode Mode => ExternalOrchestrationRoleArn is not null
        ? DeploymentMode.ExternalRole
        : DeployFrontend ? DeploymentMode.Full : DeploymentMode.ApiOnly;

    /// <summary>The hub can own the CloudFront web ACL only when it is deployed where CloudFront reads ACLs from.</summary>
    public bool CreatesCloudFrontWebAcl => DeployFrontend && Region == CloudFrontWafRegion;

    /// <summary><c>{projectName}-{environment}-{resource}</c>, the one naming rule for named resources.</summary>
    public string Name(string resource) => $"{ProjectName}-{Environment}-{resource}";
}
