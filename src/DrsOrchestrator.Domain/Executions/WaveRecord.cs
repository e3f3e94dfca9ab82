namespace DrsOrchestrator.Domain.Executions;

/// <summary>One wave's progress in an execution; <see cref="WaveIndex"/> is its position in the plan snapshot.</summary>
public sealed record WaveRecord
{
    public required int WaveIndex { get; init; }

    public required string Name { get; init; }

    public WaveStatus Status { get; init; } = WaveStatus.Pending;

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public IReadOnlyList<DrsJobRecord> Jobs { get; init; } = [];

    public IReadOnlyList<ServerRecord> Servers { get; init; } = [];

    public string? FailureReason { get; init; }

    public bool IsInFlight => Status is WaveStatus.Starting or WaveStatus.Launching;

    public bool AllServersFinished => Servers.All(s => s.IsLaunchFinished);
}
