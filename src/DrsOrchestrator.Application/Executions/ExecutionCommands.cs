using System.Text.Json;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Application.Executions;

/// <summary>
/// The execution use cases behind the API routes: start, pause, resume, cancel, terminate recovery
/// instances and termination status. Each is a conditional write; the workflow is only signalled after
/// the write that justifies the signal has won.
/// </summary>
public sealed class ExecutionCommands(OrchestrationEngine engine)
{
    /// <summary>
    /// Validates the plan again against DRS (servers exist and can launch, tag groups resolved, no server
    /// in two waves, quotas readable), stores the execution with the plan snapshot while claiming the plan
    /// and every server atomically, then starts the workflow named after the execution.
    /// </summary>
    /// <exception cref="DomainException">
    /// Validation (UNKNOWN_PROTECTION_GROUP, SOURCE_SERVER_NOT_FOUND, INVALID_SERVER_SELECTION, INVALID_WAVE),
    /// Conflict PLAN_HAS_ACTIVE_EXECUTION / SERVER_CONFLICT, Throttled QUOTA_UNKNOWN, Upstream UPSTREAM_ERROR.
    /// </exception>
    public async Task<StartExecutionResult> StartAsync(StartExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Plan);
        var waves = new List<IReadOnlyList<SourceServerRef>>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var wave in request.Plan.Waves)
        {
            var resolved = await engine.Resolver.ResolveAsync(wave.ProtectionGroupIds, cancellationToken).ConfigureAwait(false);
            if (resolved.Count == 0)
            {
                throw DomainException.Validation(ErrorCodes.InvalidWave, $"Wave '{wave.Name}' resolves to no launchable source servers.",
                    new Dictionary<string, object?> { ["wave"] = wave.Name });
            }

            foreach (var server in resolved)
            {
                if (!seen.TryAdd(server.Server.SourceServerId, wave.Name))
                {
                    throw DomainException.Validation(ErrorCodes.DuplicateSourceServer,
                        $"Source server {server.Server.SourceServerId} is in wave '{seen[server.Server.SourceServerId]}' and in wave '{wave.Name}'.",
                        new Dictionary<string, object?> { ["sourceServerId"] = server.Server.SourceServerId });
                }
            }

            waves.Add([.. resolved.Select(r => r.Server)]);
        }

        var quota = await CheckQuotaAsync(waves, cancellationToken).ConfigureAwait(false);
        var now = engine.Time.GetUtcNow();
        var executionId = "exec-" + Guid.NewGuid().ToString("N");
        var execution = Execution.Create(
            executionId,
            request.Plan,
            request.Type,
            request.InitiatedBy,
            request.InvocationSource,
            new ExecutionOptions { PauseBeforeFirstWave = request.PauseBeforeFirstWave },
            now);
        var servers = waves.SelectMany(w => w).ToList();
        execution = await engine.Store.Repository.CreateAsync(execution, servers, cancellationToken).ConfigureAwait(false);

        WorkflowExecutionRef run;
        try
        {
            run = await engine.Workflow.StartExecutionAsync(engine.Options.StateMachineArn, executionId, WorkflowInput(executionId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WorkflowClientException or AwsServiceException or HttpRequestException)
        {
            // Without a workflow nothing would ever end the run: release the plan and servers now.
            await engine.FailAsync(executionId, "WorkflowStartFailed", ex.Message, cancellationToken).ConfigureAwait(false);
            throw new DomainException(ErrorKind.Upstream, ErrorCodes.UpstreamError, $"The workflow for execution {executionId} could not be started: {ex.Message}");
        }

        var (attached, _) = await engine.Store.UpdateAsync(executionId, e =>
        {
            if (e.Record.WorkflowExecutionArn == run.ExecutionArn || !e.IsActive)
            {
                return false;
            }

            e.AttachWorkflow(run.ExecutionArn);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return new StartExecutionResult(attached, quota);
    }

    /// <summary>Asks a RUNNING execution to pause before its next wave.</summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict INVALID_STATE_TRANSITION.</exception>
    public async Task<Execution> PauseAsync(string executionId, string actor, CancellationToken cancellationToken)
    {
        var (execution, _) = await engine.UpdateAsync(executionId, e =>
        {
            e.RequestPause(actor, engine.Time.GetUtcNow());
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return execution;
    }

    /// <summary>PAUSED → RUNNING; the stored pause token is completed so the workflow starts the wave.</summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict INVALID_STATE_TRANSITION.</exception>
    public async Task<Execution> ResumeAsync(string executionId, string actor, CancellationToken cancellationToken)
    {
        string? token = null;
        var (execution, _) = await engine.UpdateAsync(executionId, e =>
        {
            token = e.Resume(actor, engine.Time.GetUtcNow());
            return true;
        }, e => [new EventSpec(ExecutionEvents.Resumed, e.NextWaveIndex)], cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            // A token that timed out meanwhile is harmless: the pause step re-registers, sees RUNNING and routes on.
            await engine.SendSuccessAsync(token, OrchestrationEngine.Decide(execution), cancellationToken).ConfigureAwait(false);
        }

        return execution;
    }

    /// <summary>
    /// Cancels a running or paused execution: waves not started become CANCELLED and the workflow ends
    /// (task failure Cancelled to the token it waits on; a step running right now sees CANCELLING and
    /// ends the run itself). DRS jobs already launched carry on and stay recorded.
    /// </summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict INVALID_STATE_TRANSITION.</exception>
    public async Task<Execution> CancelAsync(string executionId, string actor, CancellationToken cancellationToken)
    {
        WaitingTask? waiting = null;
        var (execution, _) = await engine.UpdateAsync(executionId, e =>
        {
            waiting = e.Record.WaitingTask;
            e.RequestCancel(actor, engine.Time.GetUtcNow());
            return true;
        }, e => e.Status == ExecutionStatus.Cancelled ? [new EventSpec(ExecutionEvents.Cancelled)] : EventSpec.None, cancellationToken).ConfigureAwait(false);

        if (waiting is not null)
        {
            await engine.SendFailureAsync(waiting.TaskToken, OrchestrationEngine.CancelledError, $"Cancelled by {actor}.", cancellationToken).ConfigureAwait(false);
        }
        else if (execution.Status == ExecutionStatus.Cancelled && execution.Record.WorkflowExecutionArn is { } arn)
        {
            // No token held and nothing in flight: a workflow between steps would route to finalize anyway;
            // stopping it makes the end immediate.
            await StopQuietlyAsync(arn, actor, cancellationToken).ConfigureAwait(false);
        }

        return execution;
    }

    /// <summary>
    /// Terminates the recovery instances an ended execution launched, one DRS job per account and region.
    /// A drill's by default; a RECOVERY's only with <paramref name="confirmRecovery"/>. The jobs are then
    /// tracked to completion by the finder (and whenever someone asks for the termination status).
    /// </summary>
    /// <exception cref="DomainException">
    /// Validation RECOVERY_CONFIRMATION_REQUIRED; Conflict EXECUTION_ACTIVE, TERMINATION_NOT_ALLOWED, INVALID_STATE_TRANSITION.
    /// </exception>
    public async Task<Execution> TerminateInstancesAsync(string executionId, string actor, bool confirmRecovery, CancellationToken cancellationToken)
    {
        var (requested, _) = await engine.UpdateAsync(executionId, e =>
        {
            e.RequestTermination(actor, confirmRecovery, engine.Time.GetUtcNow());
            return true;
        }, cancellationToken).ConfigureAwait(false);

        var jobIds = new List<string>();
        foreach (var group in requested.RecoveryInstancesToTerminate().GroupBy(s => new AccountRegion(s.AccountId, s.Region)))
        {
            var job = await engine.Fleet.For(group.Key).TerminateRecoveryInstancesAsync([.. group.Select(s => s.RecoveryInstanceId!)], cancellationToken).ConfigureAwait(false);
            jobIds.Add(job.JobId);
        }

        var (started, _) = await engine.UpdateAsync(executionId, e =>
        {
            e.RecordTerminationStarted(jobIds, engine.Time.GetUtcNow());
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return started;
    }

    /// <summary>Asks DRS about the termination jobs and records their outcome once all have completed.</summary>
    public async Task<TerminationStatusView> GetTerminationStatusAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await engine.Store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution.Record.Termination.Status == TerminationStatus.InProgress)
        {
            execution = await engine.RefreshTerminationAsync(execution, cancellationToken).ConfigureAwait(false);
        }

        return new TerminationStatusView(executionId, execution.Record.Termination, execution.RecoveryInstancesToTerminate().Count);
    }

    private async Task StopQuietlyAsync(string workflowArn, string actor, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Workflow.StopExecutionAsync(workflowArn, OrchestrationEngine.CancelledError, $"Cancelled by {actor}.", cancellationToken).ConfigureAwait(false);
        }
        catch (WorkflowClientException ex) when (ex.IsStale)
        {
            // Already ended.
        }
    }

    private async Task<QuotaCheckResult> CheckQuotaAsync(IReadOnlyList<IReadOnlyList<SourceServerRef>> waves, CancellationToken cancellationToken)
    {
        var readings = await engine.Fleet.ReadUsageAsync(waves.SelectMany(w => w).Select(s => s.Location), cancellationToken).ConfigureAwait(false);
        var result = QuotaCheckResult.Combine(waves.Select(w => DrsQuotaCheck.CheckWave(w, readings, engine.Options.Limits)));
        if (result.Verdict == QuotaVerdict.Unknown)
        {
            throw new DomainException(ErrorKind.Upstream, ErrorCodes.QuotaUnknown,
                $"DRS usage could not be read, so the launch capacity is unknown: {result.Reason}",
                new Dictionary<string, object?> { ["reason"] = result.Reason });
        }

        return result;
    }

    private static string WorkflowInput(string executionId) =>
        JsonSerializer.Serialize(new OrchestrationWorkflowInput(executionId), OrchestrationJsonContext.Default.OrchestrationWorkflowInput);
}
