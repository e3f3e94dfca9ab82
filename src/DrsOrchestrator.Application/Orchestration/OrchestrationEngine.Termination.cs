using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Orchestration;

// Tracking TerminateRecoveryInstances jobs to completion.
public sealed partial class OrchestrationEngine
{
    /// <summary>
    /// The finder's termination sweep: every execution whose termination is IN_PROGRESS (sparse index
    /// query, paginated, however old the run) is refreshed from DRS, so a termination completes in the
    /// record without anyone asking for its status.
    /// </summary>
    /// <returns>How many terminations were examined.</returns>
    public async Task<int> TrackTerminationsAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var examined = 0;
        string? token = null;
        do
        {
            var page = await _store.Repository.ListTrackingTerminationAsync(new PageRequest(PageRequest.MaxLimit, token), cancellationToken).ConfigureAwait(false);
            foreach (var executionId in page.Items.Where(seen.Add))
            {
                // The index is eventually consistent: the record itself decides.
                var execution = await _store.Repository.GetAsync(executionId, cancellationToken).ConfigureAwait(false);
                if (execution?.Record.Termination.Status != TerminationStatus.InProgress)
                {
                    continue;
                }

                examined++;
                await RefreshTerminationAsync(execution, cancellationToken).ConfigureAwait(false);
            }

            token = page.NextToken;
        }
        while (token is not null);

        return examined;
    }

    /// <summary>Asks DRS about the termination jobs; once all have completed, records TERMINATED servers and the outcome.</summary>
    internal async Task<Execution> RefreshTerminationAsync(Execution execution, CancellationToken cancellationToken)
    {
        var jobIds = execution.Record.Termination.JobIds;
        var locations = execution.Waves.SelectMany(w => w.Servers).Select(s => new AccountRegion(s.AccountId, s.Region)).Distinct();
        var jobs = new List<DrsJob>();
        foreach (var location in locations)
        {
            jobs.AddRange(await _fleet.DescribeJobsAsync(location, jobIds, cancellationToken).ConfigureAwait(false));
        }

        var found = jobs.Where(j => jobIds.Contains(j.JobId)).GroupBy(j => j.JobId).Select(g => g.First()).ToList();
        if (found.Count < jobIds.Count || found.Any(j => j.Status != Domain.Ports.Drs.DrsJobStatus.Completed))
        {
            return execution;
        }

        var participants = found.SelectMany(j => j.ParticipatingServers).ToList();
        var failed = participants.Where(p => p.LaunchStatus != DrsLaunchStatus.Terminated).Select(p => p.SourceServerId).ToList();
        var (updated, _) = await UpdateAsync(execution.ExecutionId, e =>
        {
            if (e.Record.Termination.Status != TerminationStatus.InProgress)
            {
                return false;
            }

            var now = Now;
            foreach (var participant in participants.Where(p => p.LaunchStatus == DrsLaunchStatus.Terminated))
            {
                e.ApplyServerLaunchUpdate(new ServerLaunchUpdate { SourceServerId = participant.SourceServerId, LaunchStatus = ServerLaunchStatus.Terminated, At = now });
            }

            e.RecordTerminationEnded(failed.Count == 0, failed.Count == 0 ? null : $"Not terminated: {string.Join(", ", failed.Take(10))}", now);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return updated;
    }
}
