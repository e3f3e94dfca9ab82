using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.Ports.Workflow;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// The orchestration Lambda's logic, one method per state machine action. The workflow carries only the
/// execution ID; everything else is read from and conditionally written to DynamoDB, so every method can
/// run again after a crash and finds what the previous attempt did.
/// </summary>
public sealed partial class OrchestrationEngine
{
    /// <summary>The error sent as task failure to end the workflow through its cancellation branch (the contract's <c>OrchestrationErrors.Cancelled</c>).</summary>
    public const string CancelledError = "Cancelled";

    private readonly ExecutionStore _store;
    private readonly DrsFleet _fleet;
    private readonly ServerResolver _resolver;
    private readonly LaunchSettingsApplier _launchSettings;
    private readonly DrsJobPlanner _planner;
    private readonly IWorkflowClient _workflow;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;

    public OrchestrationEngine(
        IExecutionRepository executions,
        IProtectionGroupRepository groups,
        IDrsClientFactory drs,
        IEc2ClientFactory ec2,
        IWorkflowClient workflow,
        IEventPublisher events,
        TimeProvider time,
        EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _store = new ExecutionStore(executions, options.MaxWriteAttempts, time);
        _fleet = new DrsFleet(drs, ec2);
        _resolver = new ServerResolver(groups, _fleet);
        _launchSettings = new LaunchSettingsApplier(_fleet);
        _planner = new DrsJobPlanner(options.Limits);
        _workflow = workflow;
        _events = events;
        _time = time;
    }

    /// <summary>Counters a benchmark reads: how much work the engine did.</summary>
    public EngineCounters Counters { get; } = new();

    internal ExecutionStore Store => _store;

    internal DrsFleet Fleet => _fleet;

    internal ServerResolver Resolver => _resolver;

    internal IWorkflowClient Workflow => _workflow;

    internal TimeProvider Time => _time;

    internal EngineOptions Options => _options;

    /// <summary>Action <c>start</c>: PENDING → RUNNING, then the first wave (or its pause).</summary>
    public async Task<StepResult> StartAsync(string executionId, CancellationToken cancellationToken)
    {
        var (execution, _) = await UpdateAsync(executionId, e =>
        {
            if (e.Status != ExecutionStatus.Pending)
            {
                return false;
            }

            e.Start(Now);
            return true;
        }, _ => [new EventSpec(ExecutionEvents.Started)], cancellationToken).ConfigureAwait(false);
        return Decide(execution);
    }

    /// <summary>
    /// Action <c>startWave</c>: starts the next wave if none is in flight, applies launch settings, then
    /// starts as many of its DRS jobs as the limits allow (intent first, then StartRecovery, then the job ID).
    /// </summary>
    public async Task<StepResult> StartWaveAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await _store.LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution.Status != ExecutionStatus.Running)
        {
            return Decide(execution);
        }

        IReadOnlyList<ResolvedServer>? resolved = null;
        if (execution.InFlightWave is null)
        {
            var decided = Decide(execution);
            if (decided.Next != NextStep.StartWave || execution.NextWaveIndex is not { } next)
            {
                return decided;
            }

            var servers = await _resolver.ResolveAsync(execution.Record.Plan.Waves[next].ProtectionGroupIds, cancellationToken).ConfigureAwait(false);
            resolved = servers;
            if (servers.Count == 0)
            {
                throw DomainException.Validation(ErrorCodes.InvalidWave, $"Wave '{execution.Waves[next].Name}' resolves to no launchable source servers.");
            }

            (execution, _) = await UpdateAsync(executionId, e =>
            {
                if (e.Status != ExecutionStatus.Running || e.InFlightWave is not null || e.NextWaveIndex != next || e.Record.PauseRequested)
                {
                    return false;
                }

                e.StartWave(next, [.. servers.Select(r => r.Server)], Now);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            if (execution.InFlightWave?.WaveIndex != next)
            {
                return Decide(execution);
            }
        }

        await ApplyLaunchSettingsAsync(execution, resolved, cancellationToken).ConfigureAwait(false);
        return await LaunchRemainingAsync(executionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Action <c>awaitWave</c>: stores the completion token. If the wave already finished, or the run is
    /// being cancelled, the token is released here, because no one else will.
    /// </summary>
    public async Task AwaitWaveAsync(string executionId, string taskToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskToken);
        var (execution, _) = await UpdateAsync(executionId, e =>
        {
            if (e.Status != ExecutionStatus.Running || e.InFlightWave is not { } wave || HasUnlaunchedServers(wave))
            {
                return false;
            }

            if (e.Record.WaitingTask is { Purpose: WaitPurpose.WaveCompletion } current && current.TaskToken == taskToken)
            {
                return false;
            }

            e.SetWaveWaitToken(wave.WaveIndex, taskToken, Now);
            return true;
        }, cancellationToken).ConfigureAwait(false);

        if (execution.Status == ExecutionStatus.Cancelling)
        {
            await SendFailureAsync(taskToken, CancelledError, "The execution was cancelled while a wave was launching.", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (execution.Record.WaitingTask?.TaskToken != taskToken)
        {
            // Nothing to wait for (the wave ended, or jobs are still to be started): route on now.
            await SendSuccessAsync(taskToken, Decide(execution), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Events may have completed the wave before the token was stored: nobody else would release it.
        var (evaluated, released) = await ApplyAndEvaluateAsync(executionId, [], [], requireToken: true, cancellationToken).ConfigureAwait(false);
        if (released is not null)
        {
            await SendSuccessAsync(released.TaskToken, Decide(evaluated), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Action <c>reconcileWave</c>: the await timed out; ask DRS directly, since events are best effort.</summary>
    public async Task<StepResult> ReconcileWaveAsync(string executionId, CancellationToken cancellationToken)
    {
        Counters.WaveReconciled();
        var jobs = await ReadInFlightJobsAsync(executionId, cancellationToken).ConfigureAwait(false);
        var (execution, _) = await ApplyAndEvaluateAsync(executionId, jobs, [], requireToken: false, cancellationToken).ConfigureAwait(false);
        return Decide(execution);
    }

    /// <summary>
    /// Action <c>pause</c>: parks the run before the next wave with this token, or replaces the token of a
    /// pause that timed out and re-registered. If a resume or cancel already happened, routes on at once.
    /// </summary>
    public async Task PauseAsync(string executionId, string taskToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskToken);
        var paused = false;
        var (execution, _) = await UpdateAsync(executionId, e =>
        {
            paused = false;
            if (e.Status == ExecutionStatus.Paused)
            {
                if (e.Record.WaitingTask is { Purpose: WaitPurpose.Pause } waiting && waiting.TaskToken == taskToken)
                {
                    return null;
                }

                // The pause's wait timed out and the workflow asked again with a fresh token.
                e.RenewPauseToken(taskToken, Now);
                return e;
            }

            if (e.Status != ExecutionStatus.Running || e.InFlightWave is not null || e.NextWaveIndex is not { } next || !MustPauseBefore(e, next))
            {
                return null;
            }

            e.PauseBeforeWave(next, taskToken, Now);
            paused = true;
            return e;
        }, e => paused ? [new EventSpec(ExecutionEvents.Paused, e.NextWaveIndex)] : EventSpec.None, cancellationToken).ConfigureAwait(false);

        if (execution.Status == ExecutionStatus.Paused && execution.Record.WaitingTask?.TaskToken == taskToken)
        {
            return;
        }

        await SendSuccessAsync(taskToken, Decide(execution), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Action <c>finalize</c>: records the terminal status from the waves' outcomes.</summary>
    public async Task<StepResult> FinalizeAsync(string executionId, CancellationToken cancellationToken)
    {
        await UpdateAsync(executionId, e =>
        {
            switch (e.Status)
            {
                case ExecutionStatus.Running when e.Waves.All(w => w.Status.IsTerminal()):
                    e.Complete(Now);
                    return true;
                case ExecutionStatus.Cancelling:
                    e.FinishCancellation(Now);
                    return true;
                case ExecutionStatus.Pending or ExecutionStatus.Running or ExecutionStatus.Paused:
                    e.Fail($"The workflow finished while the execution was {e.Status} with waves still to run.", Now);
                    return true;
                default:
                    return false;
            }
        }, EndedEvent, cancellationToken).ConfigureAwait(false);

        return new StepResult(executionId, NextStep.Finalize);
    }

    /// <summary>Action <c>cancelled</c>: the workflow caught a cancellation; the run ends CANCELLED.</summary>
    public async Task CancelledAsync(string executionId, CancellationToken cancellationToken)
    {
        await UpdateAsync(executionId, e =>
        {
            if (!e.IsActive)
            {
                return false;
            }

            if (e.Status != ExecutionStatus.Cancelling)
            {
                e.RequestCancel(Execution.SystemActor, Now);
            }

            if (e.Status == ExecutionStatus.Cancelling)
            {
                e.FinishCancellation(Now);
            }

            return true;
        }, EndedEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Action <c>fail</c>: an unexpected error survived the retries; the run ends FAILED with it.</summary>
    public async Task FailAsync(string executionId, string error, string? cause, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(cause) ? error : $"{error}: {cause}";
        await UpdateAsync(executionId, e =>
        {
            if (!e.IsActive)
            {
                return false;
            }

            e.Fail(text.Length > 2000 ? text[..2000] : text, Now);
            return true;
        }, _ => [new EventSpec(ExecutionEvents.Failed)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a run goes next, from its stored state alone.</summary>
    public static StepResult Decide(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var id = execution.ExecutionId;
        switch (execution.Status)
        {
            case ExecutionStatus.Pending:
            case ExecutionStatus.Running when execution.InFlightWave is { } wave && HasUnlaunchedServers(wave):
                return new StepResult(id, NextStep.StartWave);
            case ExecutionStatus.Running or ExecutionStatus.Cancelling when execution.InFlightWave is not null:
                return new StepResult(id, NextStep.AwaitWave);
            case ExecutionStatus.Paused:
                return new StepResult(id, NextStep.Pause);
            case ExecutionStatus.Running when execution.NextWaveIndex is { } next:
                return new StepResult(id, MustPauseBefore(execution, next) ? NextStep.Pause : NextStep.StartWave);
            default:
                return new StepResult(id, NextStep.Finalize);
        }
    }

    /// <summary>
    /// A plan's pause-before flag holds the run once: after the operator resumed before that wave, the
    /// audit shows the pause and the wave starts. An operator's fresh request always pauses.
    /// </summary>
    private static bool MustPauseBefore(Execution execution, int waveIndex) =>
        execution.Record.PauseRequested
        || (execution.ShouldPauseBefore(waveIndex)
            && !execution.Record.Audit.Any(a => a.Action == AuditAction.Paused && a.WaveIndex == waveIndex));

    /// <summary>The event announcing the terminal status a change stored, if it stored one.</summary>
    private static IReadOnlyList<EventSpec> EndedEvent(Execution execution) =>
        ExecutionEvents.EndedEventFor(execution.Status) is { } ended ? [new EventSpec(ended)] : EventSpec.None;

    private static bool HasUnlaunchedServers(WaveRecord wave)
    {
        var inJobs = wave.Jobs.Where(j => j.JobId is not null).SelectMany(j => j.SourceServerIds).ToHashSet(StringComparer.Ordinal);
        return wave.Servers.Any(s => !inJobs.Contains(s.SourceServerId) && !s.IsLaunchFinished);
    }

    private DateTimeOffset Now => _time.GetUtcNow();
}
