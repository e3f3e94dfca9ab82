using Amazon.CDK.AWS.IAM;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;

namespace DrsOrchestrator.Cdk.Constructs;

internal sealed class DotnetFunctionProps
{
    public required DeploymentConfig Config { get; init; }

    public required LambdaProject Project { get; init; }

    /// <summary>Short resource name: the function is <c>{project}-{env}-{Name}</c>.</summary>
    public required string Name { get; init; }

    public required string CodeDirectory { get; init; }

    public required string Description { get; init; }

    public required int MemorySize { get; init; }

    public required Amazon.CDK.Duration Timeout { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A role managed outside this app; null creates one least-privilege role for this function only.</summary>
    public IRole? ExistingRole { get; init; }
}
