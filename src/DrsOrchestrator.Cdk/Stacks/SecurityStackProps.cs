using DrsOrchestrator.Cdk.Configuration;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class SecurityStackProps
{
    public required DeploymentConfig Config { get; init; }
}
