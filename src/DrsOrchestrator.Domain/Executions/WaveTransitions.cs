using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Executions;

/// <summary>
/// The wave status machine. A STARTING wave may end without reaching LAUNCHING: when it has no servers
/// or every StartRecovery call failed, its outcome is decided from the servers' failures alone.
/// </summary>
public static class WaveTransitions
{
    private static readonly IReadOnlyDictionary<WaveStatus, WaveStatus[]> Allowed = new Dictionary<WaveStatus, WaveStatus[]>
    {
        [WaveStatus.Pending] = [WaveStatus.Starting, WaveStatus.Skipped, WaveStatus.Cancelled],
        [WaveStatus.Starting] = [WaveStatus.Launching, WaveStatus.Completed, WaveStatus.Partial, WaveStatus.Failed, WaveStatus.Cancelled],
        [WaveStatus.Launching] = [WaveStatus.Completed, WaveStatus.Partial, WaveStatus.Failed, WaveStatus.Cancelled],
        [WaveStatus.Completed] = [],
        [WaveStatus.Partial] = [],
        [WaveStatus.Failed] = [],
        [WaveStatus.Skipped] = [],
        [WaveStatus.Cancelled] = [],
    };

    public static bool IsAllowed(WaveStatus from, WaveStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    internal static void Ensure(string executionId, int waveIndex, WaveStatus from, WaveStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw DomainException.Conflict(
                ErrorCodes.InvalidStateTransition,
                $"Execution {executionId}: wave {waveIndex} cannot go from {from} to {to}.",
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["executionId"] = executionId,
                    ["waveIndex"] = waveIndex,
                    ["waveStatus"] = from.ToString(),
                });
        }
    }
}
