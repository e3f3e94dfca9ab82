using System.Text;
using System.Text.Json;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Application.Orchestration;

// The execution poller's entry points: DRS launch-result events and the scheduled finder.
public sealed partial class OrchestrationEngine
{
    /// <summary>
    /// Applies DRS launch-result events. Each job is read once (its tags name the execution, its
    /// participating servers carry recovery instance IDs), each execution is written once per batch, and a
    /// wave whose servers have all finished releases its workflow token. Events for jobs the engine did
    /// not start are ignored.
    /// </summary>
    /// <returns>The executions the events touched.</returns>
    public async Task<IReadOnlyList<string>> ApplyLaunchResultsAsync(IReadOnlyList<LaunchResultNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var byExecution = new Dictionary<string, (List<DrsJob> Jobs, List<LaunchResultNotice> Notices)>(StringComparer.Ordinal);
        foreach (var location in notices.GroupBy(n => new AccountRegion(n.AccountId, n.Region)))
        {
            var jobs = await _fleet.DescribeJobsAsync(location.Key, location.Select(n => n.JobId), cancellationToken).ConfigureAwait(false);
            foreach (var job in jobs)
            {
                if (!job.Tags.TryGetValue(JobTags.ExecutionId, out var executionId))
                {
                    continue;
                }

                if (!byExecution.TryGetValue(executionId, out var entry))
                {
                    entry = ([], []);
                    byExecution[executionId] = entry;
                }

                entry.Jobs.Add(job);
                entry.Notices.AddRange(location.Where(n => n.JobId == job.JobId));
            }
        }

        foreach (var (executionId, entry) in byExecution)
        {
            // One read and one conditional write per execution; an ended run only takes job statuses.
            await ApplyAndReleaseAsync(executionId, entry.Jobs, entry.Notices, cancellationToken).ConfigureAwait(false);
        }

        return [.. byExecution.Keys];
    }

    /// <summary>
    /// The scheduled finder: every active execution (index queries, paginated) is reconciled with DRS so
    /// a lost event cannot stall a wave; a run whose workflow has ended without recording an outcome is
    /// recorded FAILED so it releases its plan and servers. Last, events a crash or a failed publish left
    /// in the outbox of any execution, active or ended, are published (<see cref="PublishPendingEventsAsync"/>).
    /// </summary>
    /// <returns>How many active executions were examined.</returns>
    public async Task<int> ReconcileActiveAsync(CancellationToken cancellationToken)
    {
        var active = await _store.Repository.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        foreach (var summary in active)
        {
            // One run's failure (its spoke account's role broken, its region impaired) must not stop the
            // finder for every other run, nor the outbox sweep below: each run is reconciled on its own.
            try
            {
                await ReconcileOneAsync(summary.ExecutionId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Counters.ReconcileFailed();
                LogReconcileFailure(summary.ExecutionId, ex);
            }
        }

        await PublishPendingEventsAsync(cancellationToken).ConfigureAwait(false);
        return active.Count;
    }

    private async Task ReconcileOneAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await _store.Repository.GetAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution is null || !execution.IsActive)
        {
            return;
        }

        if (execution.InFlightWave is not null)
        {
            var jobs = await ReadInFlightJobsAsync(execution.ExecutionId, cancellationToken).ConfigureAwait(false);
            await ApplyAndReleaseAsync(execution.ExecutionId, jobs, [], cancellationToken).ConfigureAwait(false);
        }

        await FailIfOrphanedAsync(execution.ExecutionId, cancellationToken).ConfigureAwait(false);
    }

    private void LogReconcileFailure(string executionId, Exception ex)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("level", "ERROR");
            json.WriteString("event", "RECONCILE_FAILED");
            json.WriteString("message", "The finder could not reconcile this execution; it tries again on its next run.");
            json.WriteString("executionId", executionId);
            json.WriteString("errorType", ex.GetType().Name);
            json.WriteString("errorMessage", ex.Message);
            json.WriteEndObject();
        }

        ErrorLog.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private async Task FailIfOrphanedAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await _store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (!execution.IsActive || execution.Record.WorkflowExecutionArn is not { } arn)
        {
            return;
        }

        WorkflowExecutionDescription description;
        try
        {
            description = await _workflow.DescribeExecutionAsync(arn, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkflowClientException ex) when (ex.ErrorName == WorkflowErrors.ExecutionDoesNotExist)
        {
            description = new WorkflowExecutionDescription(arn, "ABORTED", execution.Record.CreatedAt, Now, null, null, ex.ErrorName, ex.Message);
        }

        if (description.Status == "RUNNING")
        {
            return;
        }

        await FailAsync(executionId, "WorkflowEnded", $"The workflow {arn} is {description.Status} ({description.Error}) but the execution was still {execution.Status}.", cancellationToken).ConfigureAwait(false);
    }
}
