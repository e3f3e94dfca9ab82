using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Executions;

// Terminating the recovery instances a run launched.
public sealed partial class Execution
{
    /// <summary>Servers whose recovery instance is still up and would be terminated.</summary>
    public IReadOnlyList<ServerRecord> RecoveryInstancesToTerminate() =>
        [.. Record.Waves.SelectMany(w => w.Servers).Where(s => s.RecoveryInstanceId is not null && s.LaunchStatus == ServerLaunchStatus.Launched)];

    /// <summary>Asks to terminate a finished DRILL's recovery instances; see the overload for a RECOVERY.</summary>
    public void RequestTermination(string actor, DateTimeOffset now) => RequestTermination(actor, recoveryConfirmed: false, now);

    /// <summary>
    /// Asks to terminate the recovery instances a finished run launched. A drill's instances are
    /// disposable. A RECOVERY's instances run the business now, so terminating them needs the caller's
    /// explicit confirmation (<paramref name="recoveryConfirmed"/>); an active run is still using them.
    /// </summary>
    /// <exception cref="DomainException">
    /// Validation RECOVERY_CONFIRMATION_REQUIRED; Conflict EXECUTION_ACTIVE, TERMINATION_NOT_ALLOWED, INVALID_STATE_TRANSITION.
    /// </exception>
    public void RequestTermination(string actor, bool recoveryConfirmed, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Type == ExecutionType.Recovery && !recoveryConfirmed)
        {
            throw DomainException.Validation(ErrorCodes.RecoveryConfirmationRequired,
                $"Execution {ExecutionId} is a RECOVERY: its instances run the business now. Confirm explicitly to terminate them.");
        }

        if (IsActive)
        {
            throw DomainException.Conflict(ErrorCodes.ExecutionActive, $"Execution {ExecutionId} is {Status}; terminate its instances after it ends.");
        }

        EnsureTermination(TerminationStatus.Requested);
        if (RecoveryInstancesToTerminate().Count == 0)
        {
            throw DomainException.Conflict(ErrorCodes.TerminationNotAllowed, $"Execution {ExecutionId} has no running recovery instances to terminate.");
        }

        Commit(
            Record with { Termination = new TerminationState { Status = TerminationStatus.Requested, RequestedBy = actor, RequestedAt = now } },
            new AuditEntry(now, actor, AuditAction.TerminateRequested, Detail: Type == ExecutionType.Recovery ? "RECOVERY instances, confirmed by the caller" : null));
    }

    /// <summary>DRS accepted the TerminateRecoveryInstances jobs.</summary>
    public void RecordTerminationStarted(IReadOnlyCollection<string> jobIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        EnsureTermination(TerminationStatus.InProgress);
        Commit(
            Record with { Termination = Record.Termination with { Status = TerminationStatus.InProgress, JobIds = [.. jobIds] } },
            new AuditEntry(now, SystemActor, AuditAction.TerminationStarted, Detail: string.Join(", ", jobIds)));
    }

    public void RecordTerminationEnded(bool succeeded, string? message, DateTimeOffset now)
    {
        var target = succeeded ? TerminationStatus.Completed : TerminationStatus.Failed;
        EnsureTermination(target);
        Commit(
            Record with { Termination = Record.Termination with { Status = target, EndedAt = now, Message = message } },
            new AuditEntry(now, SystemActor, succeeded ? AuditAction.TerminationCompleted : AuditAction.TerminationFailed, Detail: message));
    }

    /// <summary>Termination's own small machine; a FAILED termination may be requested again.</summary>
    public static bool IsTerminationTransitionAllowed(TerminationStatus from, TerminationStatus to) => (from, to) switch
    {
        (TerminationStatus.NotRequested, TerminationStatus.Requested) => true,
        (TerminationStatus.Requested, TerminationStatus.InProgress or TerminationStatus.Failed) => true,
        (TerminationStatus.InProgress, TerminationStatus.Completed or TerminationStatus.Failed) => true,
        (TerminationStatus.Failed, TerminationStatus.Requested) => true,
        _ => false,
    };

    private void EnsureTermination(TerminationStatus target)
    {
        var from = Record.Termination.Status;
        if (!IsTerminationTransitionAllowed(from, target))
        {
            throw DomainException.Conflict(
                ErrorCodes.InvalidStateTransition,
                $"Execution {ExecutionId}: termination cannot go from {from} to {target}.",
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["executionId"] = ExecutionId, ["terminationStatus"] = from.ToString() });
        }
    }
}
