namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>A pipeline stage and the buildspec its CodeBuild project runs (buildspecs/&lt;Buildspec&gt;.yml).</summary>
internal sealed record PipelineStage(string StageName, string Buildspec, int TimeoutMinutes, bool Deploys)
{
    public static IReadOnlyList<PipelineStage> BuildStages { get; } =
    [
        new("Validate", "validate", 20, Deploys: false),
        new("Build", "build", 30, Deploys: false),
        new("Test", "test", 45, Deploys: false),
        new("DeployInfrastructure", "deploy-infra", 60, Deploys: true),
        new("DeployFrontend", "deploy-frontend", 30, Deploys: true),
    ];

    public string BuildspecPath => $"buildspecs/{Buildspec}.yml";
}
