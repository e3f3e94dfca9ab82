using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Domain.Executions;

// DRS jobs, server launch progress and wave outcomes.
public sealed partial class Execution
{
    /// <summary>
    /// Records that the engine is about to call StartRecovery for these servers. Call it and persist
    /// BEFORE the call; on a retry the same <paramref name="requestId"/> returns the stored intent (or
    /// the adopted job) instead of recording a second one.
    /// </summary>
    public DrsJobRecord RecordJobIntent(int waveIndex, string requestId, AccountRegion location, IReadOnlyCollection<string> sourceServerIds, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(sourceServerIds);
        var wave = WaveAt(waveIndex);
        var existing = wave.Jobs.FirstOrDefault(j => j.RequestId == requestId);
        if (existing is not null)
        {
            if (existing.Location != location || !existing.SourceServerIds.ToHashSet(StringComparer.Ordinal).SetEquals(sourceServerIds))
            {
                throw DomainException.Conflict(ErrorCodes.InvalidStateTransition, $"Execution {ExecutionId}: request {requestId} was recorded for other servers.");
            }

            return existing;
        }

        if (Status != ExecutionStatus.Running || !wave.IsInFlight)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"no new DRS job may start for wave {waveIndex} ({wave.Status})", Status);
        }

        if (sourceServerIds.Count == 0)
        {
            throw DomainException.BadRequest(ErrorCodes.InvalidRequest, "A DRS job needs at least one source server.");
        }

        var inJobs = wave.Jobs.SelectMany(j => j.SourceServerIds).ToHashSet(StringComparer.Ordinal);
        var byId = wave.Servers.ToDictionary(s => s.SourceServerId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in sourceServerIds)
        {
            if (!byId.TryGetValue(id, out var server) || server.AccountId != location.AccountId || server.Region != location.Region)
            {
                throw DomainException.BadRequest(ErrorCodes.InvalidRequest, $"Source server {id} is not in wave {waveIndex} in {location}.");
            }

            if (!seen.Add(id) || inJobs.Contains(id))
            {
                throw DomainException.BadRequest(ErrorCodes.InvalidRequest, $"Source server {id} is already in a DRS job of wave {waveIndex}.");
            }
        }

        var job = new DrsJobRecord
        {
            RequestId = requestId,
            AccountId = location.AccountId,
            Region = location.Region,
            SourceServerIds = [.. sourceServerIds],
            IntentRecordedAt = now,
        };
        Commit(Record with { Waves = Replace(Record.Waves, waveIndex, wave with { Jobs = [.. wave.Jobs, job] }) });
        return job;
    }

    /// <summary>
    /// DRS accepted (or the engine found by tag) the job for an intent. The wave becomes LAUNCHING and
    /// its servers PENDING. Idempotent for the same job ID; a different job ID for the same intent is a
    /// conflict because it would mean two jobs launched the same servers.
    /// </summary>
    public void RecordJobStarted(int waveIndex, string requestId, string jobId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var wave = WaveAt(waveIndex);
        var jobIndex = IndexOf(wave.Jobs, j => j.RequestId == requestId);
        if (jobIndex < 0)
        {
            throw DomainException.NotFound(ErrorCodes.UnknownJob, $"Execution {ExecutionId} wave {waveIndex} has no job request {requestId}.");
        }

        var job = wave.Jobs[jobIndex];
        if (job.JobId == jobId)
        {
            return;
        }

        if (job.JobId is not null)
        {
            throw DomainException.Conflict(ErrorCodes.InvalidStateTransition, $"Execution {ExecutionId}: request {requestId} already has job {job.JobId}, not {jobId}.");
        }

        if (Status is not (ExecutionStatus.Running or ExecutionStatus.Cancelling) || !wave.IsInFlight)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"wave {waveIndex} ({wave.Status}) cannot take a started job", Status);
        }

        var nextStatus = wave.Status == WaveStatus.Starting ? WaveStatus.Launching : wave.Status;
        WaveTransitionOrSame(waveIndex, wave.Status, nextStatus);
        var members = job.SourceServerIds.ToHashSet(StringComparer.Ordinal);
        var servers = wave.Servers
            .Select(s => members.Contains(s.SourceServerId)
                ? s with
                {
                    JobId = jobId,
                    LaunchStatus = s.LaunchStatus == ServerLaunchStatus.NotStarted ? ServerLaunchStatus.Pending : s.LaunchStatus,
                    LaunchStartedAt = s.LaunchStartedAt ?? now,
                }
                : s)
            .ToArray();
        var jobs = wave.Jobs.ToArray();
        jobs[jobIndex] = job with { JobId = jobId, Status = DrsJobStatus.Pending, StartedAt = now };
        Commit(
            Record with { Waves = Replace(Record.Waves, waveIndex, wave with { Status = nextStatus, Jobs = jobs, Servers = servers }) },
            new AuditEntry(now, SystemActor, AuditAction.JobStarted, waveIndex, $"{jobId} ({job.SourceServerIds.Count} servers in {job.Location})"));
    }

    /// <summary>Applies a DRS job status; older news than what is stored is ignored. Returns whether anything changed.</summary>
    public bool ApplyJobStatus(string jobId, DrsJobStatus status, DateTimeOffset now)
    {
        for (var w = 0; w < Record.Waves.Count; w++)
        {
            var wave = Record.Waves[w];
            var index = IndexOf(wave.Jobs, j => j.JobId == jobId);
            if (index < 0)
            {
                continue;
            }

            var job = wave.Jobs[index];
            if (job.Status is { } current && current >= status)
            {
                return false;
            }

            var jobs = wave.Jobs.ToArray();
            jobs[index] = job with { Status = status, EndedAt = status == DrsJobStatus.Completed ? now : job.EndedAt };
            Commit(Record with { Waves = Replace(Record.Waves, w, wave with { Jobs = jobs }) });
            return true;
        }

        return false;
    }

    /// <summary>
    /// Applies what DRS reports for one server. Events arrive late, twice and out of order, so this is
    /// idempotent and ignores regressions (a LAUNCHED server never goes back to IN_PROGRESS). Updates
    /// for a wave that has ended are ignored, except TERMINATED, which drill clean-up reports later.
    /// Returns whether anything changed.
    /// </summary>
    public bool ApplyServerLaunchUpdate(ServerLaunchUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var w = 0; w < Record.Waves.Count; w++)
        {
            var wave = Record.Waves[w];
            var index = IndexOf(wave.Servers, s => s.SourceServerId == update.SourceServerId);
            if (index < 0)
            {
                continue;
            }

            if (!wave.IsInFlight && update.LaunchStatus != ServerLaunchStatus.Terminated)
            {
                return false;
            }

            var current = wave.Servers[index];
            var merged = Merge(current, update);
            if (merged == current)
            {
                return false;
            }

            var servers = wave.Servers.ToArray();
            servers[index] = merged;
            Commit(Record with { Waves = Replace(Record.Waves, w, wave with { Servers = servers }) });
            return true;
        }

        return false;
    }

    /// <summary>
    /// Decides a wave's outcome once every server has finished: a failed CRITICAL server fails the wave,
    /// skips the waves after it and fails the execution; failed OPTIONAL servers only make it PARTIAL.
    /// Returns null (and changes nothing) while servers are still launching. A wave that ends while the
    /// execution is CANCELLING ends the execution as CANCELLED: the operator's decision wins, and the
    /// wave's own status still shows what happened to it.
    /// </summary>
    public WaveStatus? EvaluateWave(int waveIndex, DateTimeOffset now)
    {
        var wave = WaveAt(waveIndex);
        if (Status is not (ExecutionStatus.Running or ExecutionStatus.Cancelling) || !wave.IsInFlight)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"wave {waveIndex} ({wave.Status}) has no outcome to decide", Status);
        }

        if (!wave.AllServersFinished)
        {
            return null;
        }

        var criticalFailures = wave.Servers.Where(s => s.IsFailed && s.Criticality == ServerCriticality.Critical).Select(s => s.SourceServerId).ToArray();
        var outcome = criticalFailures.Length > 0 ? WaveStatus.Failed
            : wave.Servers.Any(s => s.IsFailed) ? WaveStatus.Partial
            : WaveStatus.Completed;
        WaveTransitions.Ensure(ExecutionId, waveIndex, wave.Status, outcome);
        var reason = criticalFailures.Length > 0
            ? $"Critical servers failed to launch: {string.Join(", ", criticalFailures.Take(10))}{(criticalFailures.Length > 10 ? $" and {criticalFailures.Length - 10} more" : "")}."
            : null;
        var waves = Replace(Record.Waves, waveIndex, wave with { Status = outcome, EndedAt = now, FailureReason = reason });
        var next = Record with
        {
            Waves = waves,
            WaitingTask = Record.WaitingTask?.WaveIndex == waveIndex ? null : Record.WaitingTask,
        };
        var entries = new List<AuditEntry> { new(now, SystemActor, AuditAction.WaveEnded, waveIndex, outcome.ToString()) };
        if (Status == ExecutionStatus.Cancelling)
        {
            next = next with { Status = ExecutionStatus.Cancelled, EndedAt = now };
            entries.Add(new AuditEntry(now, SystemActor, AuditAction.Cancelled));
        }
        else if (outcome == WaveStatus.Failed)
        {
            ExecutionTransitions.Ensure(ExecutionId, Status, ExecutionStatus.Failed);
            next = next with
            {
                Status = ExecutionStatus.Failed,
                EndedAt = now,
                FailureCause = $"Wave '{wave.Name}' failed. {reason}",
                PauseRequested = false,
                Waves = [.. waves.Select(w => w.Status == WaveStatus.Pending ? w with { Status = WaveStatus.Skipped, EndedAt = now } : w)],
            };
            entries.Add(new AuditEntry(now, SystemActor, AuditAction.Failed, waveIndex, next.FailureCause));
        }

        Commit(next, [.. entries]);
        return outcome;
    }

    /// <summary>RUNNING → COMPLETED, or PARTIAL when any wave was PARTIAL. Every wave must have ended.</summary>
    public ExecutionStatus Complete(DateTimeOffset now)
    {
        if (Status != ExecutionStatus.Running)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "only a RUNNING execution can complete", Status);
        }

        var unfinished = Record.Waves.FirstOrDefault(w => !w.Status.IsTerminal());
        if (unfinished is not null)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"wave {unfinished.WaveIndex} is still {unfinished.Status}", Status);
        }

        var target = Record.Waves.Any(w => w.Status == WaveStatus.Partial) ? ExecutionStatus.Partial : ExecutionStatus.Completed;
        ExecutionTransitions.Ensure(ExecutionId, Status, target);
        Commit(
            Record with { Status = target, EndedAt = now, WaitingTask = null, PauseRequested = false },
            new AuditEntry(now, SystemActor, AuditAction.Completed, Detail: target.ToString()));
        return target;
    }

    /// <summary>
    /// CANCELLING → CANCELLED without waiting any longer for the wave in flight (its launches carry on in
    /// DRS; the wave is recorded as CANCELLED).
    /// </summary>
    public void FinishCancellation(DateTimeOffset now)
    {
        if (Status != ExecutionStatus.Cancelling)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "only a CANCELLING execution can finish cancelling", Status);
        }

        var waves = Record.Waves
            .Select(w => w.IsInFlight ? w with { Status = WaveStatus.Cancelled, EndedAt = now } : w)
            .ToArray();
        Commit(
            Record with { Status = ExecutionStatus.Cancelled, EndedAt = now, Waves = waves, WaitingTask = null },
            new AuditEntry(now, SystemActor, AuditAction.Cancelled));
    }

    /// <summary>
    /// Any active status → FAILED: the wave in flight fails and the rest are SKIPPED. Returns the token
    /// the workflow was waiting on, which the caller must release.
    /// </summary>
    public string? Fail(string cause, DateTimeOffset now, string actor = SystemActor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        ExecutionTransitions.Ensure(ExecutionId, Status, ExecutionStatus.Failed);
        var token = Record.WaitingTask?.TaskToken;
        var waves = Record.Waves
            .Select(w => w.IsInFlight ? w with { Status = WaveStatus.Failed, EndedAt = now, FailureReason = cause }
                : w.Status == WaveStatus.Pending ? w with { Status = WaveStatus.Skipped, EndedAt = now }
                : w)
            .ToArray();
        Commit(
            Record with { Status = ExecutionStatus.Failed, EndedAt = now, FailureCause = cause, Waves = waves, WaitingTask = null, PauseRequested = false },
            new AuditEntry(now, actor, AuditAction.Failed, Detail: cause));
        return token;
    }

    private void WaveTransitionOrSame(int waveIndex, WaveStatus from, WaveStatus to)
    {
        if (from != to)
        {
            WaveTransitions.Ensure(ExecutionId, waveIndex, from, to);
        }
    }

    private static ServerRecord Merge(ServerRecord current, ServerLaunchUpdate update)
    {
        var advance = Rank(update.LaunchStatus) > Rank(current.LaunchStatus);
        var status = advance ? update.LaunchStatus : current.LaunchStatus;
        var finished = status is ServerLaunchStatus.Launched or ServerLaunchStatus.Failed;
        return current with
        {
            LaunchStatus = status,
            JobId = current.JobId ?? update.JobId,
            RecoveryInstanceId = current.RecoveryInstanceId ?? update.RecoveryInstanceId,
            Ec2InstanceId = current.Ec2InstanceId ?? update.Ec2InstanceId,
            LaunchStartedAt = current.LaunchStartedAt ?? (status != ServerLaunchStatus.NotStarted ? update.At : null),
            LaunchEndedAt = current.LaunchEndedAt ?? (finished ? update.At : null),
            FailureReason = current.FailureReason ?? (status == ServerLaunchStatus.Failed ? update.FailureReason : null),
        };
    }

    /// <summary>LAUNCHED and FAILED share a rank: once DRS has said either, the other is stale news.</summary>
    private static int Rank(ServerLaunchStatus status) => status switch
    {
        ServerLaunchStatus.NotStarted => 0,
        ServerLaunchStatus.Pending => 1,
        ServerLaunchStatus.InProgress => 2,
        ServerLaunchStatus.Launched or ServerLaunchStatus.Failed => 3,
        ServerLaunchStatus.Terminated => 4,
        _ => -1,
    };

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> predicate)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (predicate(items[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
