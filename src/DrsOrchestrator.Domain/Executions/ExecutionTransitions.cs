using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Executions;

/// <summary>
/// The execution status machine of the brief (section 4), as data so that tests can walk every pair.
/// PENDING may be cancelled or fail before it runs; PAUSED never goes to CANCELLING because nothing is in
/// flight while paused; terminal statuses have no way out.
/// </summary>
public static class ExecutionTransitions
{
    private static readonly IReadOnlyDictionary<ExecutionStatus, ExecutionStatus[]> Allowed = new Dictionary<ExecutionStatus, ExecutionStatus[]>
    {
        [ExecutionStatus.Pending] = [ExecutionStatus.Running, ExecutionStatus.Cancelled, ExecutionStatus.Failed],
        [ExecutionStatus.Running] =
        [
            ExecutionStatus.Paused, ExecutionStatus.Cancelling, ExecutionStatus.Cancelled,
            ExecutionStatus.Completed, ExecutionStatus.Partial, ExecutionStatus.Failed,
        ],
        [ExecutionStatus.Paused] = [ExecutionStatus.Running, ExecutionStatus.Cancelled, ExecutionStatus.Failed],
        [ExecutionStatus.Cancelling] = [ExecutionStatus.Cancelled, ExecutionStatus.Failed],
        [ExecutionStatus.Completed] = [],
        [ExecutionStatus.Partial] = [],
        [ExecutionStatus.Failed] = [],
        [ExecutionStatus.Cancelled] = [],
    };

    public static bool IsAllowed(ExecutionStatus from, ExecutionStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    internal static void Ensure(string executionId, ExecutionStatus from, ExecutionStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw Rejected(executionId, $"execution cannot go from {from} to {to}", from);
        }
    }

    internal static DomainException Rejected(string executionId, string what, ExecutionStatus current) =>
        DomainException.Conflict(
            ErrorCodes.InvalidStateTransition,
            $"Execution {executionId}: {what} (status {current}).",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["executionId"] = executionId, ["status"] = current.ToString() });
}
