using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Inventory;

/// <summary>Read side of executions: lists through the history indexes, evidence from the stored record and DRS.</summary>
public sealed class ExecutionHistoryService(IExecutionRepository executions, IDrsClientFactory drs, TimeProvider time)
{
    public const int MaxBulkDelete = 100;

    /// <summary>
    /// Executions matching every filter, newest first, in full pages: the repository filters while it reads,
    /// so a page holds <c>limit</c> matches unless the list ends (or one request's read budget runs out).
    /// </summary>
    public Task<Page<ExecutionSummary>> ListAsync(ExecutionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return executions.ListMatchingAsync(new ExecutionListFilter(filter.Status, filter.PlanId, filter.Type), page, cancellationToken);
    }

    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND.</exception>
    public async Task<Execution> GetAsync(string executionId, CancellationToken cancellationToken) =>
        await executions.GetAsync(executionId, cancellationToken).ConfigureAwait(false)
        ?? throw DomainException.NotFound(ErrorCodes.ExecutionNotFound, $"Execution '{executionId}' does not exist.");

    /// <summary>The DRS log of every job the run started; a job whose log cannot be read says so instead of failing the page.</summary>
    public async Task<IReadOnlyList<ExecutionJobLog>> JobLogsAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await GetAsync(executionId, cancellationToken).ConfigureAwait(false);
        var logs = new List<ExecutionJobLog>();
        foreach (var wave in execution.Waves)
        {
            foreach (var job in wave.Jobs.Where(j => j.JobId is not null))
            {
                var items = new List<DrsJobLogItem>();
                string? error = null;
                try
                {
                    await foreach (var item in drs.For(job.AccountId, job.Region).DescribeAllJobLogItemsAsync(job.JobId!, cancellationToken).ConfigureAwait(false))
                    {
                        items.Add(item);
                    }
                }
                catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
                {
                    error = ex.Message;
                }

                logs.Add(new ExecutionJobLog(job.JobId!, wave.Name, job.AccountId, job.Region, items, error));
            }
        }

        return logs;
    }

    /// <summary>Recovery instances the run recorded, refreshed with DRS's current state per account and region.</summary>
    public async Task<IReadOnlyList<ExecutionRecoveryInstance>> RecoveryInstancesAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await GetAsync(executionId, cancellationToken).ConfigureAwait(false);
        var launched = execution.Waves
            .SelectMany(w => w.Servers.Where(s => s.RecoveryInstanceId is not null).Select(s => (Wave: w.Name, Server: s)))
            .ToList();
        var live = new Dictionary<string, DrsRecoveryInstance>(StringComparer.Ordinal);
        foreach (var location in launched.GroupBy(x => new AccountRegion(x.Server.AccountId, x.Server.Region)))
        {
            foreach (var chunk in location.Select(x => x.Server.RecoveryInstanceId!).Distinct(StringComparer.Ordinal).Chunk(200))
            {
                await foreach (var instance in drs.For(location.Key.AccountId, location.Key.Region)
                    .DescribeAllRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(RecoveryInstanceIds: chunk), cancellationToken).ConfigureAwait(false))
                {
                    live[instance.RecoveryInstanceId] = instance;
                }
            }
        }

        return [.. launched.Select(x =>
        {
            var now = live.GetValueOrDefault(x.Server.RecoveryInstanceId!);
            return new ExecutionRecoveryInstance(
                x.Server.SourceServerId, x.Wave, x.Server.AccountId, x.Server.Region, x.Server.RecoveryInstanceId!,
                now?.Ec2InstanceId ?? x.Server.Ec2InstanceId, now?.Ec2InstanceState, now?.IsDrill, x.Server.LaunchStatus, x.Server.JobId);
        })];
    }

    public async Task<ExecutionReport> ReportAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await GetAsync(executionId, cancellationToken).ConfigureAwait(false);
        var undelivered = await executions.GetUndeliverableEventsAsync(executionId, cancellationToken).ConfigureAwait(false);
        var record = execution.Record;
        var now = time.GetUtcNow();
        var waves = record.Waves.Select(w =>
        {
            var planned = record.Plan.Waves[w.WaveIndex];
            return new WaveReport(
                w.WaveIndex,
                w.Name,
                planned.ProtectionGroupIds,
                planned.PauseBefore,
                planned.DependsOn,
                w.Status,
                w.StartedAt,
                w.EndedAt,
                Seconds(w.StartedAt, w.EndedAt),
                [.. w.Jobs.Where(j => j.JobId is not null).Select(j => j.JobId!)],
                w.FailureReason,
                [.. w.Servers.Select(s => new ServerReport(
                    s.SourceServerId, s.AccountId, s.Region, s.Criticality, s.LaunchStatus, s.JobId, s.RecoveryInstanceId, s.Ec2InstanceId,
                    s.LaunchStartedAt, s.LaunchEndedAt, Seconds(s.LaunchStartedAt, s.LaunchEndedAt), s.FailureReason))]);
        }).ToList();
        var failures = record.Waves
            .SelectMany(w => w.Servers.Where(s => s.IsFailed).Select(s => new ReportFailure(w.Name, s.SourceServerId, s.FailureReason ?? s.LaunchStatus.ToString())))
            .Concat(record.Waves.Where(w => w.FailureReason is not null).Select(w => new ReportFailure(w.Name, null, w.FailureReason!)))
            .ToList();
        var operatorActions = record.Audit.Where(a => a.Actor != Execution.SystemActor).ToList();
        var actual = record.StartedAt is { } started ? ((record.EndedAt ?? now) - started).TotalMinutes : (double?)null;
        bool? rtoMet = record.Plan.RtoTargetMinutes is { } rto && record.EndedAt is not null && actual is { } minutes
            ? minutes <= rto && record.Status == ExecutionStatus.Completed
            : null;
        return new ExecutionReport(
            record.ExecutionId, record.PlanId, record.Plan.Name, record.Type, record.Status, record.InitiatedBy, record.InvocationSource,
            record.CreatedAt, record.StartedAt, record.EndedAt, record.Plan.RtoTargetMinutes, actual is { } a ? Math.Round(a, 2) : null, rtoMet,
            waves, failures, operatorActions, record.Termination, record.FailureCause, undelivered, now);
    }

    /// <summary>
    /// Deletes finished executions; active ones, and ended ones with events not yet published (EXECUTION_EVENTS_PENDING,
    /// docs/adr/0009), are refused one by one rather than failing the batch, so a cleanup script sees exactly
    /// which runs remain and why.
    /// </summary>
    public async Task<BulkDeleteResult> DeleteFinishedAsync(IReadOnlyList<string> executionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executionIds);
        var deleted = new List<string>();
        var notFound = new List<string>();
        var refused = new List<BulkDeleteRefusal>();
        foreach (var id in executionIds.Distinct(StringComparer.Ordinal))
        {
            var execution = await executions.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (execution is null)
            {
                notFound.Add(id);
                continue;
            }

            if (execution.IsActive)
            {
                refused.Add(new BulkDeleteRefusal(id, ErrorCodes.ExecutionActive, $"Execution {id} is {execution.Status}; only finished executions can be deleted."));
                continue;
            }

            try
            {
                await executions.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
                deleted.Add(id);
            }
            catch (DomainException ex) when (ex.Code == ErrorCodes.ExecutionNotFound)
            {
                notFound.Add(id);
            }
            catch (DomainException ex) when (ex.Kind == ErrorKind.Conflict)
            {
                refused.Add(new BulkDeleteRefusal(id, ex.Code, ex.Message));
            }
        }

        return new BulkDeleteResult(deleted, notFound, refused);
    }

    private static double? Seconds(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t ? Math.Round((t - f).TotalSeconds, 1) : null;
}
