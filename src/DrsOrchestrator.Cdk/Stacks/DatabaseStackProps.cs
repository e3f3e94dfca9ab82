using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Configuration;

namespace DrsOrchestrator.Cdk.Stacks;

internal sealed class DatabaseStackProps
{
    public required DeploymentConfig Config { get; init; }

    /// <summary>The shared definitions the local provisioner also uses, so tables cannot drift.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; init; } = TableSchema.All;
}
