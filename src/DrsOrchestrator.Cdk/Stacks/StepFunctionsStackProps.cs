using Amazon.CDK.AWS.Lambda;
using DrsOrchestrator.Cdk.Configuration;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class StepFunctionsStackProps
{
    public required DeploymentConfig Config { get; init; }

    public required IFunction OrchestrationFunction { get; init; }

    /// <summary>The ASL the local runner also executes (OrchestrationStateMachine.BuildDefinition()).</summary>
    public required string Definition { get; init; }
}
