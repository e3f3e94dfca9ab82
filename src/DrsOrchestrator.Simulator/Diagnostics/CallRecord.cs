namespace DrsOrchestrator.Simulator.Diagnostics;

/// <summary>One API call as the simulator saw it; tests assert on it (for example: a spoke never saw hub keys).</summary>
public sealed record CallRecord(
    string Operation,
    string? AccountId,
    string? Region,
    string? AccessKeyId,
    DateTimeOffset Time,
    int StatusCode,
    string? ErrorType);
