using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Application.Orchestration;

// Launch settings: applied to a wave's servers before its first DRS job starts.
public sealed partial class OrchestrationEngine
{
    /// <summary>
    /// Applies the groups' launch settings to the in-flight wave's servers while none of its jobs exists
    /// yet, and fails the servers whose settings were refused, with the refusal as their cause. A retried
    /// start (after a crash or a throttled call) applies again; the applier reads first, so what the failed
    /// attempt already wrote is not written twice.
    /// </summary>
    /// <param name="resolved">The wave's servers with their groups when this call just started the wave; null: resolved again.</param>
    private async Task ApplyLaunchSettingsAsync(Execution execution, IReadOnlyList<ResolvedServer>? resolved, CancellationToken cancellationToken)
    {
        if (execution.Status != ExecutionStatus.Running || execution.InFlightWave is not { Status: WaveStatus.Starting } wave || wave.Jobs.Count > 0)
        {
            return;
        }

        var pending = wave.Servers.Where(s => s.LaunchStatus == ServerLaunchStatus.NotStarted).Select(s => s.SourceServerId).ToHashSet(StringComparer.Ordinal);
        if (pending.Count == 0)
        {
            return;
        }

        resolved ??= await _resolver.ResolveAsync(execution.Record.Plan.Waves[wave.WaveIndex].ProtectionGroupIds, cancellationToken).ConfigureAwait(false);
        var failures = await _launchSettings.ApplyAsync(resolved.Where(r => pending.Contains(r.Server.SourceServerId)), cancellationToken).ConfigureAwait(false);
        if (failures.Count == 0)
        {
            return;
        }

        await UpdateAsync(execution.ExecutionId, e =>
        {
            var changed = false;
            foreach (var failure in failures)
            {
                changed |= e.ApplyServerLaunchUpdate(new ServerLaunchUpdate
                {
                    SourceServerId = failure.SourceServerId,
                    LaunchStatus = ServerLaunchStatus.Failed,
                    At = Now,
                    FailureReason = failure.Cause.Length > 1000 ? failure.Cause[..1000] : failure.Cause,
                });
            }

            return changed;
        }, cancellationToken).ConfigureAwait(false);
    }
}
