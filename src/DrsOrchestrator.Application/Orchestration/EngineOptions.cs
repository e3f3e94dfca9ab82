using DrsOrchestrator.Domain.Planning;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>Settings of the orchestration engine and the execution commands.</summary>
/// <param name="StateMachineArn">The orchestration state machine new executions run on.</param>
/// <param name="CapacityWaitSeconds">How long a wave waits before retrying jobs that did not fit DRS's concurrency limits.</param>
/// <param name="MaxWriteAttempts">Conditional writes lost to a concurrent writer are re-read and re-applied this many times.</param>
public sealed record EngineOptions(string StateMachineArn, int CapacityWaitSeconds = 30, int MaxWriteAttempts = 10)
{
    public DrsLimits Limits { get; init; } = DrsLimits.Default;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(StateMachineArn);
        ArgumentOutOfRangeException.ThrowIfLessThan(CapacityWaitSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWriteAttempts, 1);
        Limits.EnsureUsable();
    }
}
