using System.Globalization;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Application.Orchestration;

// Starting DRS jobs, applying what DRS reports, and deciding when a wave is done.
public sealed partial class OrchestrationEngine
{
    /// <summary>
    /// Starts the in-flight wave's jobs that fit: first intents a crashed attempt left behind (adopted if
    /// DRS has a job with their request tag), then new batches from the planner.
    /// </summary>
    private async Task<StepResult> LaunchRemainingAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await _store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution.Status != ExecutionStatus.Running || execution.InFlightWave is not { } wave)
        {
            return Decide(execution);
        }

        var usage = DrsFleet.ToUsage(await _fleet.ReadUsageAsync(wave.Servers.Select(s => new AccountRegion(s.AccountId, s.Region)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.Key, p => p.Value);
        var waiting = false;

        foreach (var intent in wave.Jobs.Where(j => j.IsIntentOnly).ToList())
        {
            var adopted = await _fleet.FindByRequestIdAsync(intent.Location, intent.RequestId, intent.IntentRecordedAt, cancellationToken).ConfigureAwait(false);
            if (adopted is not null)
            {
                Counters.JobAdopted();
                await RecordStartedAsync(executionId, wave.WaveIndex, intent.RequestId, adopted.JobId, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var planned = new PlannedJob(0, intent.Location, intent.SourceServerIds);
            var schedule = _planner.Schedule([planned], usage);
            if (schedule.StartNow.Count == 0 || !await TryStartJobAsync(execution, wave.WaveIndex, intent.RequestId, planned, cancellationToken).ConfigureAwait(false))
            {
                waiting = true;
                continue;
            }

            usage[intent.Location] = schedule.ProjectedUsage[intent.Location];
        }

        execution = await _store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        wave = execution.Waves[wave.WaveIndex];
        var inJobs = wave.Jobs.SelectMany(j => j.SourceServerIds).ToHashSet(StringComparer.Ordinal);
        // A server that already failed (its launch settings could not be applied) is not launched.
        var remaining = wave.Servers.Where(s => !inJobs.Contains(s.SourceServerId) && !s.IsLaunchFinished).Select(s => new SourceServerRef(s.SourceServerId, s.AccountId, s.Region)).ToList();
        if (remaining.Count > 0)
        {
            var schedule = _planner.Schedule(_planner.Plan(remaining), usage);
            waiting |= schedule.Waiting.Count > 0;
            foreach (var job in schedule.StartNow)
            {
                var requestId = NewRequestId();
                var (recorded, _) = await UpdateAsync(executionId, e =>
                {
                    if (e.Status != ExecutionStatus.Running || e.Waves[wave.WaveIndex].Status is not (WaveStatus.Starting or WaveStatus.Launching))
                    {
                        return false;
                    }

                    e.RecordJobIntent(wave.WaveIndex, requestId, job.Location, job.SourceServerIds, Now);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                if (!recorded.Waves[wave.WaveIndex].Jobs.Any(j => j.RequestId == requestId))
                {
                    // A cancel or failure arrived between batches: start nothing more.
                    return Decide(recorded);
                }

                if (!await TryStartJobAsync(recorded, wave.WaveIndex, requestId, job, cancellationToken).ConfigureAwait(false))
                {
                    waiting = true;
                }
            }
        }

        execution = await _store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (waiting && execution.Status == ExecutionStatus.Running)
        {
            return new StepResult(executionId, NextStep.WaitForCapacity, _options.CapacityWaitSeconds);
        }

        return Decide(execution);
    }

    /// <summary>StartRecovery for a recorded intent; false when DRS has no room right now (the intent stays and is retried).</summary>
    private async Task<bool> TryStartJobAsync(Execution execution, int waveIndex, string requestId, PlannedJob job, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [JobTags.ExecutionId] = execution.ExecutionId,
            [JobTags.Wave] = waveIndex.ToString(CultureInfo.InvariantCulture),
            [JobTags.RequestId] = requestId,
        };
        DrsJob started;
        try
        {
            started = await _fleet.For(job.Location).StartRecoveryAsync(
                new DrsStartRecoveryRequest([.. job.SourceServerIds.Select(id => new DrsRecoverySource(id))], execution.Type == ExecutionType.Drill, tags),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AwsServiceQuotaExceededException or AwsConflictException)
        {
            // Someone else's jobs filled the limits since we read them, or a server is busy in another job.
            return false;
        }

        Counters.JobStarted();
        await RecordStartedAsync(execution.ExecutionId, waveIndex, requestId, started.JobId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task RecordStartedAsync(string executionId, int waveIndex, string requestId, string jobId, CancellationToken cancellationToken) =>
        UpdateAsync(executionId, e =>
        {
            var job = e.Waves[waveIndex].Jobs.FirstOrDefault(j => j.RequestId == requestId);
            if (job is null || job.JobId == jobId)
            {
                return false;
            }

            e.RecordJobStarted(waveIndex, requestId, jobId, Now);
            return true;
        }, cancellationToken);

    /// <summary>The in-flight wave's jobs as DRS reports them now (empty when no wave is in flight).</summary>
    private async Task<IReadOnlyList<DrsJob>> ReadInFlightJobsAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await _store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution.InFlightWave is not { } wave)
        {
            return [];
        }

        var jobs = new List<DrsJob>();
        foreach (var group in wave.Jobs.Where(j => j.JobId is not null).GroupBy(j => j.Location))
        {
            jobs.AddRange(await _fleet.DescribeJobsAsync(group.Key, group.Select(j => j.JobId!), cancellationToken).ConfigureAwait(false));
        }

        return jobs;
    }

    /// <summary>
    /// Applies DRS's view of jobs and any launch-result notices, and decides the in-flight wave if that
    /// finished it, all in ONE conditional write. Applying and deciding in one write matters for
    /// wave-transition lag: the event path does one read and one write before it releases the token, and
    /// a concurrent writer (reconcile, the await step storing its token) makes the loser re-decide on
    /// fresh state instead of leaving a finished wave undecided.
    /// </summary>
    /// <param name="requireToken">
    /// Decide only when a workflow token waits on the wave (the event and finder paths, which must release
    /// it); the workflow's own reconcile step decides without one because it routes on the result itself.
    /// </param>
    /// <returns>The stored execution and the token to release, if this call decided the wave.</returns>
    private async Task<(Execution Execution, WaitingTask? Released)> ApplyAndEvaluateAsync(
        string executionId, IReadOnlyList<DrsJob> jobs, IReadOnlyList<LaunchResultNotice> notices, bool requireToken, CancellationToken cancellationToken)
    {
        WaitingTask? released = null;
        int? evaluated = null;
        var (execution, saved) = await UpdateAsync(executionId, e =>
        {
            released = null;
            evaluated = null;
            var changed = Apply(e, jobs, notices, Now);
            if (e.Status is not (ExecutionStatus.Running or ExecutionStatus.Cancelling) || e.InFlightWave is not { } wave
                || HasUnlaunchedServers(wave) || !wave.AllServersFinished)
            {
                return changed;
            }

            var token = e.Record.WaitingTask is { Purpose: WaitPurpose.WaveCompletion } w && w.WaveIndex == wave.WaveIndex ? w : null;
            if (requireToken && token is null)
            {
                return changed;
            }

            e.EvaluateWave(wave.WaveIndex, Now);
            released = token;
            evaluated = wave.WaveIndex;
            return true;
        }, e => evaluated is not { } index
            ? EventSpec.None
            : ExecutionEvents.EndedEventFor(e.Status) is { } ended
                ? [new EventSpec(ExecutionEvents.WaveCompleted, index), new EventSpec(ended, index)]
                : [new EventSpec(ExecutionEvents.WaveCompleted, index)],
            cancellationToken).ConfigureAwait(false);
        return saved && evaluated is not null ? (execution, released) : (execution, null);
    }

    private static bool Apply(Execution e, IReadOnlyList<DrsJob> jobs, IReadOnlyList<LaunchResultNotice> notices, DateTimeOffset now)
    {
        var changed = false;
        foreach (var job in jobs)
        {
            if (ToJobStatus(job.Status) is { } status)
            {
                changed |= e.ApplyJobStatus(job.JobId, status, now);
            }

            foreach (var server in job.ParticipatingServers)
            {
                changed |= e.ApplyServerLaunchUpdate(new ServerLaunchUpdate
                {
                    SourceServerId = server.SourceServerId,
                    LaunchStatus = DrsLaunchStatus.ToServerLaunchStatus(server.LaunchStatus),
                    At = now,
                    JobId = job.JobId,
                    RecoveryInstanceId = server.RecoveryInstanceId,
                    FailureReason = server.LaunchStatus == DrsLaunchStatus.Failed ? $"DRS job {job.JobId} reported the launch as FAILED." : null,
                });
            }
        }

        foreach (var notice in notices)
        {
            changed |= e.ApplyServerLaunchUpdate(new ServerLaunchUpdate
            {
                SourceServerId = notice.SourceServerId,
                LaunchStatus = notice.Succeeded ? ServerLaunchStatus.Launched : ServerLaunchStatus.Failed,
                At = notice.Time,
                JobId = notice.JobId,
                FailureReason = notice.Succeeded ? null : "DRS reported RECOVERY_LAUNCH_FAILED.",
            });
        }

        return changed;
    }

    /// <summary>Applies what DRS reports, completes the in-flight wave if it is done and a token waits on it, and sends task success with the next step.</summary>
    internal async Task ApplyAndReleaseAsync(string executionId, IReadOnlyList<DrsJob> jobs, IReadOnlyList<LaunchResultNotice> notices, CancellationToken cancellationToken)
    {
        var (execution, released) = await ApplyAndEvaluateAsync(executionId, jobs, notices, requireToken: true, cancellationToken).ConfigureAwait(false);
        if (released is not null && await SendSuccessAsync(released.TaskToken, Decide(execution), cancellationToken).ConfigureAwait(false))
        {
            Counters.TokenReleasedByEvent();
        }
    }

    internal Task<(Execution Execution, bool Saved)> UpdateAsync(string executionId, Func<Execution, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(executionId, change, _ => EventSpec.None, cancellationToken);

    /// <summary>A conditional update whose events (asked on the changed execution) are stored with it and then published.</summary>
    internal Task<(Execution Execution, bool Saved)> UpdateAsync(
        string executionId, Func<Execution, bool> change, Func<Execution, IReadOnlyList<EventSpec>> events, CancellationToken cancellationToken) =>
        UpdateAsync(executionId, e => change(e) ? e : null, events, cancellationToken);

    internal async Task<(Execution Execution, bool Saved)> UpdateAsync(
        string executionId, Func<Execution, Execution?> change, Func<Execution, IReadOnlyList<EventSpec>> events, CancellationToken cancellationToken)
    {
        var result = await _store.UpdateAsync(executionId, change, events, cancellationToken).ConfigureAwait(false);
        if (result.Saved)
        {
            Counters.StateWritten();
            Counters.OutboxRowsWritten(result.Written.Count);
        }

        // Leftovers of earlier state changes (a crash or a failed publish) go first, in version order;
        // fresh ones are left to the writer that is publishing them right now.
        var due = result.PendingBefore.Where(p => IsDueForRepublish(p, result.ReadAt)).Concat(result.Written).ToList();
        if (due.Count > 0)
        {
            await PublishOutboxAsync(executionId, due, cancellationToken).ConfigureAwait(false);
        }

        return (result.Execution, result.Saved);
    }

    /// <summary>Task success; a token whose task already ended (timed out, or another sender won) is fine.</summary>
    /// <returns>Whether the waiting task took the signal.</returns>
    internal async Task<bool> SendSuccessAsync(string taskToken, StepResult result, CancellationToken cancellationToken)
    {
        try
        {
            await _workflow.SendTaskSuccessAsync(taskToken, result.ToJson(), cancellationToken).ConfigureAwait(false);
            Counters.TokenReleased();
            return true;
        }
        catch (WorkflowClientException ex) when (ex.IsStale)
        {
            // The wait already ended (its timeout routed to a reconcile, which decides on its own).
            return false;
        }
    }

    internal async Task SendFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken)
    {
        try
        {
            await _workflow.SendTaskFailureAsync(taskToken, error, cause, cancellationToken).ConfigureAwait(false);
            Counters.TokenReleased();
        }
        catch (WorkflowClientException ex) when (ex.IsStale)
        {
            // Already ended; the workflow moved on without this signal.
        }
    }

    private static Domain.Executions.DrsJobStatus? ToJobStatus(string? status) => status switch
    {
        Domain.Ports.Drs.DrsJobStatus.Pending => Domain.Executions.DrsJobStatus.Pending,
        Domain.Ports.Drs.DrsJobStatus.Started => Domain.Executions.DrsJobStatus.Started,
        Domain.Ports.Drs.DrsJobStatus.Completed => Domain.Executions.DrsJobStatus.Completed,
        _ => null,
    };

    private static string NewRequestId() => "req-" + Guid.NewGuid().ToString("N");
}
