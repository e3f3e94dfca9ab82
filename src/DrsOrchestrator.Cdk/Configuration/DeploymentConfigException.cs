namespace DrsOrchestrator.Cdk.Configuration;

/// <summary>Raised before any construct is created, so a bad context never yields a half-built template.</summary>
internal sealed class DeploymentConfigException(IReadOnlyList<string> problems)
    : Exception("Invalid CDK context:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
