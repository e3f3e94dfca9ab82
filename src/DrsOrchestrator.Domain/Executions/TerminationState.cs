namespace DrsOrchestrator.Domain.Executions;

public sealed record TerminationState
{
    public static TerminationState None { get; } = new();

    public TerminationStatus Status { get; init; } = TerminationStatus.NotRequested;

    public string? RequestedBy { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>DRS TerminateRecoveryInstances job IDs, one per account and region.</summary>
    public IReadOnlyList<string> JobIds { get; init; } = [];

    public DateTimeOffset? EndedAt { get; init; }

    public string? Message { get; init; }
}
