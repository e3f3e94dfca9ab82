namespace DrsOrchestrator.Cdk.Packaging;

/// <summary>A function project and the handler string of the managed runtime's Stream-in/Stream-out contract.</summary>
internal sealed record LambdaProject(string AssemblyName)
{
    public static readonly LambdaProject Api = new("DrsOrchestrator.Functions.Api");
    public static readonly LambdaProject Orchestration = new("DrsOrchestrator.Functions.Orchestration");
    public static readonly LambdaProject ExecutionPoller = new("DrsOrchestrator.Functions.ExecutionPoller");
    public static readonly LambdaProject FrontendBuilder = new("DrsOrchestrator.Functions.FrontendBuilder");

    public static IReadOnlyList<LambdaProject> All { get; } = [Api, Orchestration, ExecutionPoller, FrontendBuilder];

    public string Handler => $"{AssemblyName}::{AssemblyName}.Function::HandleAsync";

    public string ProjectFile(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", AssemblyName, AssemblyName + ".csproj");
}
