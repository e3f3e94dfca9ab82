namespace DrsOrchestrator.Simulator.Diagnostics;

/// <summary>When a job was active; <see cref="DrsSimulator.MaxConcurrentJobs"/> is computed from these.</summary>
public sealed record JobHistoryEntry(
    string JobId,
    string AccountId,
    string Region,
    string Type,
    int ServerCount,
    DateTimeOffset Created,
    DateTimeOffset? Ended);
