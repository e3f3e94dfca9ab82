namespace DrsOrchestrator.Simulator.Scenarios;

/// <summary>A source server. Only the hostname is required; the rest has realistic defaults.</summary>
public sealed record ScenarioServer
{
    /// <summary>Optional fixed ID (s- + 17 hex); generated from the seed when absent.</summary>
    public string? Id { get; init; }

    public string Hostname { get; init; } = "";

    /// <summary>LINUX or WINDOWS.</summary>
    public string Os { get; init; } = "LINUX";

    public string? OsFullString { get; init; }

    public IReadOnlyList<string>? Ips { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string ReplicationState { get; init; } = "CONTINUOUS";

    public int LagSeconds { get; init; }

    public bool Archived { get; init; }

    public int Cpus { get; init; } = 2;

    public int RamGiB { get; init; } = 8;

    public IReadOnlyList<int>? DiskGiB { get; init; }

    public string? InstanceType { get; init; }
}
