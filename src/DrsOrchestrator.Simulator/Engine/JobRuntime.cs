namespace DrsOrchestrator.Simulator.Engine;

/// <summary>What an active job needs beyond its public record: requested snapshots and instance targets.</summary>
internal sealed class JobRuntime
{
    public Dictionary<string, string?> SnapshotIds { get; } = new(StringComparer.Ordinal);

    /// <summary>For terminate jobs: source server ID to the recovery instance being terminated.</summary>
    public Dictionary<string, string> TerminateTargets { get; } = new(StringComparer.Ordinal);
}
