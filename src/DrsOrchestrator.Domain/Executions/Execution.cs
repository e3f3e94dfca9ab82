using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Domain.Executions;

/// <summary>
/// One run of a recovery plan. Every change goes through a method here that checks the execution and
/// wave status machines; a rejected call throws before touching <see cref="Record"/>, so the aggregate
/// is exactly as it was. The repository stores <see cref="Record"/> and loads it with <see cref="Rehydrate"/>.
/// Methods take the current time rather than reading a clock so the engine's <see cref="TimeProvider"/>
/// (the simulator's virtual clock in tests) is the only source of time.
/// </summary>
public sealed partial class Execution
{
    /// <summary>The actor recorded for the engine's own actions.</summary>
    public const string SystemActor = "system";

    private Execution(ExecutionRecord record) => Record = record;

    public ExecutionRecord Record { get; private set; }

    public string ExecutionId => Record.ExecutionId;

    public ExecutionStatus Status => Record.Status;

    public ExecutionType Type => Record.Type;

    public long Version => Record.Version;

    public IReadOnlyList<WaveRecord> Waves => Record.Waves;

    public bool IsActive => Record.Status.IsActive();

    /// <summary>The first wave that has not started, or null when every wave has ended or started.</summary>
    public int? NextWaveIndex
    {
        get
        {
            for (var i = 0; i < Record.Waves.Count; i++)
            {
                if (Record.Waves[i].Status == WaveStatus.Pending)
                {
                    return i;
                }
            }

            return null;
        }
    }

    /// <summary>The wave currently STARTING or LAUNCHING, if any.</summary>
    public WaveRecord? InFlightWave => Record.Waves.FirstOrDefault(w => w.IsInFlight);

    public static Execution Create(
        string executionId,
        RecoveryPlan plan,
        ExecutionType type,
        string initiatedBy,
        InvocationSource invocationSource,
        ExecutionOptions? options,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionId);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(initiatedBy);
        if (plan.Waves.Count == 0)
        {
            throw DomainException.Validation(ErrorCodes.PlanHasNoWaves, $"Plan {plan.PlanId} has no waves to run.");
        }

        if (!Enum.IsDefined(type) || !Enum.IsDefined(invocationSource))
        {
            throw new ArgumentOutOfRangeException(nameof(type), "Unknown execution type or invocation source.");
        }

        var record = new ExecutionRecord
        {
            ExecutionId = executionId,
            PlanId = plan.PlanId,
            Plan = plan,
            Type = type,
            Status = ExecutionStatus.Pending,
            Options = options ?? ExecutionOptions.Default,
            InitiatedBy = initiatedBy,
            InvocationSource = invocationSource,
            CreatedAt = now,
            Waves = [.. plan.Waves.Select((w, i) => new WaveRecord { WaveIndex = i, Name = w.Name })],
            Audit = [new AuditEntry(now, initiatedBy, AuditAction.Created, Detail: $"{type} from {invocationSource}")],
        };
        return new Execution(record);
    }

    /// <summary>Loads stored state. Checks the shape the methods rely on, not the history that led to it.</summary>
    public static Execution Rehydrate(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Waves.Count != record.Plan.Waves.Count)
        {
            throw new ArgumentException($"Execution {record.ExecutionId} has {record.Waves.Count} wave records for {record.Plan.Waves.Count} plan waves.", nameof(record));
        }

        for (var i = 0; i < record.Waves.Count; i++)
        {
            if (record.Waves[i].WaveIndex != i)
            {
                throw new ArgumentException($"Execution {record.ExecutionId}: wave record {i} says it is wave {record.Waves[i].WaveIndex}.", nameof(record));
            }
        }

        return new Execution(record);
    }

    /// <summary>PENDING → RUNNING.</summary>
    public void Start(DateTimeOffset now)
    {
        // PAUSED → RUNNING is legal too, but that is a resume, with its own token and audit entry.
        if (Status != ExecutionStatus.Pending)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "only a PENDING execution can start", Status);
        }

        Commit(Record with { Status = ExecutionStatus.Running, StartedAt = now }, new AuditEntry(now, SystemActor, AuditAction.Started));
    }

    /// <summary>Remembers the workflow run driving this execution. Idempotent for the same ARN.</summary>
    public void AttachWorkflow(string workflowExecutionArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowExecutionArn);
        if (string.Equals(Record.WorkflowExecutionArn, workflowExecutionArn, StringComparison.Ordinal))
        {
            return;
        }

        if (!IsActive)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "a finished execution cannot take a workflow", Status);
        }

        if (Record.WorkflowExecutionArn is not null)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"already driven by {Record.WorkflowExecutionArn}", Status);
        }

        Commit(Record with { WorkflowExecutionArn = workflowExecutionArn });
    }

    /// <summary>True when the engine must pause (<see cref="PauseBeforeWave"/>) instead of starting this wave.</summary>
    public bool ShouldPauseBefore(int waveIndex)
    {
        var planWave = PlanWaveAt(waveIndex);
        return Record.PauseRequested
            || planWave.PauseBefore
            || (waveIndex == 0 && Record.Options.PauseBeforeFirstWave);
    }

    /// <summary>
    /// Wave PENDING → STARTING with the servers resolved for it now (tag selections are resolved at run
    /// time). Each server's criticality comes from the plan snapshot.
    /// </summary>
    public void StartWave(int waveIndex, IReadOnlyCollection<SourceServerRef> servers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var wave = WaveAt(waveIndex);
        if (Status != ExecutionStatus.Running)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"wave {waveIndex} can only start while RUNNING", Status);
        }

        if (Record.PauseRequested)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"a pause was requested, so wave {waveIndex} must pause before it starts", Status);
        }

        EnsureEarlierWavesEnded(waveIndex);
        WaveTransitions.Ensure(ExecutionId, waveIndex, wave.Status, WaveStatus.Starting);
        var planWave = PlanWaveAt(waveIndex);
        var elsewhere = new HashSet<string>(Record.Waves.SelectMany(w => w.Servers).Select(s => s.SourceServerId), StringComparer.Ordinal);
        var records = new List<ServerRecord>(servers.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in servers)
        {
            if (!seen.Add(server.SourceServerId) || elsewhere.Contains(server.SourceServerId))
            {
                throw DomainException.BadRequest(ErrorCodes.InvalidRequest, $"Source server {server.SourceServerId} appears twice in execution {ExecutionId}.");
            }

            records.Add(new ServerRecord
            {
                SourceServerId = server.SourceServerId,
                AccountId = server.AccountId,
                Region = server.Region,
                Criticality = planWave.CriticalityOf(server.SourceServerId),
            });
        }

        var started = wave with { Status = WaveStatus.Starting, StartedAt = now, Servers = records };
        Commit(
            Record with { Waves = Replace(Record.Waves, waveIndex, started), CurrentWaveIndex = waveIndex },
            new AuditEntry(now, SystemActor, AuditAction.WaveStarted, waveIndex, $"{records.Count} servers"));
    }

    /// <summary>RUNNING → PAUSED before a wave that has not started; the workflow waits on <paramref name="taskToken"/>.</summary>
    public void PauseBeforeWave(int waveIndex, string taskToken, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskToken);
        var wave = WaveAt(waveIndex);
        ExecutionTransitions.Ensure(ExecutionId, Status, ExecutionStatus.Paused);
        if (wave.Status != WaveStatus.Pending)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"cannot pause before wave {waveIndex}, which is {wave.Status}", Status);
        }

        EnsureEarlierWavesEnded(waveIndex);
        var reason = Record.PauseRequested ? "operator request"
            : PlanWaveAt(waveIndex).PauseBefore ? "plan"
            : "run option";
        Commit(
            Record with
            {
                Status = ExecutionStatus.Paused,
                PauseRequested = false,
                WaitingTask = new WaitingTask(taskToken, WaitPurpose.Pause, waveIndex, now),
            },
            new AuditEntry(now, SystemActor, AuditAction.Paused, waveIndex, reason));
    }

    /// <summary>
    /// The workflow's pause wait timed out and it waits again with a fresh token. PAUSED only; the status,
    /// the wave it pauses before and the audit trail stay as they are. Idempotent for the same token.
    /// </summary>
    public void RenewPauseToken(string taskToken, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskToken);
        if (Status != ExecutionStatus.Paused)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "only a PAUSED execution has a pause token to renew", Status);
        }

        if (Record.WaitingTask is { Purpose: WaitPurpose.Pause } current && current.TaskToken == taskToken)
        {
            return;
        }

        var waveIndex = Record.WaitingTask?.WaveIndex ?? NextWaveIndex
            ?? throw ExecutionTransitions.Rejected(ExecutionId, "no wave is left to pause before", Status);
        Commit(Record with { WaitingTask = new WaitingTask(taskToken, WaitPurpose.Pause, waveIndex, now) });
    }

    /// <summary>An operator asks to pause; the engine pauses at the next wave boundary. RUNNING only, once.</summary>
    public void RequestPause(string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Status != ExecutionStatus.Running || Record.PauseRequested)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, Record.PauseRequested ? "a pause is already requested" : "only a RUNNING execution can be paused", Status);
        }

        if (NextWaveIndex is null)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "no wave is left to pause before", Status);
        }

        Commit(Record with { PauseRequested = true }, new AuditEntry(now, actor, AuditAction.PauseRequested));
    }

    /// <summary>PAUSED → RUNNING. Returns the pause task token the caller must complete so the workflow goes on.</summary>
    public string? Resume(string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Status != ExecutionStatus.Paused)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "only a PAUSED execution can resume", Status);
        }

        var token = Record.WaitingTask is { Purpose: WaitPurpose.Pause } waiting ? waiting.TaskToken : null;
        Commit(Record with { Status = ExecutionStatus.Running, WaitingTask = null }, new AuditEntry(now, actor, AuditAction.Resumed));
        return token;
    }

    /// <summary>
    /// Cancels the run: waves not yet started become CANCELLED. With a wave in flight the execution goes
    /// to CANCELLING (DRS launches cannot be recalled; the engine lets the wave finish and then ends the
    /// run), otherwise straight to CANCELLED. Returns the pause token the caller must fail, if paused.
    /// </summary>
    public string? RequestCancel(string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var target = Status == ExecutionStatus.Running && InFlightWave is not null ? ExecutionStatus.Cancelling : ExecutionStatus.Cancelled;
        if (Status == ExecutionStatus.Cancelling)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, "cancellation is already under way", Status);
        }

        ExecutionTransitions.Ensure(ExecutionId, Status, target);
        var token = Record.WaitingTask is { Purpose: WaitPurpose.Pause } waiting ? waiting.TaskToken : null;
        var waves = Record.Waves
            .Select(w => w.Status == WaveStatus.Pending ? w with { Status = WaveStatus.Cancelled, EndedAt = now } : w)
            .ToArray();
        var next = Record with
        {
            Status = target,
            Waves = waves,
            PauseRequested = false,
            WaitingTask = token is null ? Record.WaitingTask : null,
            EndedAt = target == ExecutionStatus.Cancelled ? now : null,
        };
        var entries = new List<AuditEntry> { new(now, actor, AuditAction.CancelRequested) };
        if (target == ExecutionStatus.Cancelled)
        {
            entries.Add(new AuditEntry(now, actor, AuditAction.Cancelled));
        }

        Commit(next, [.. entries]);
        return token;
    }

    /// <summary>Stores the token the workflow waits on until the wave's servers have all finished. Idempotent.</summary>
    public void SetWaveWaitToken(int waveIndex, string taskToken, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskToken);
        var wave = WaveAt(waveIndex);
        if (Status is not (ExecutionStatus.Running or ExecutionStatus.Cancelling) || !wave.IsInFlight)
        {
            throw ExecutionTransitions.Rejected(ExecutionId, $"wave {waveIndex} ({wave.Status}) is not waiting for launches", Status);
        }

        if (Record.WaitingTask is { Purpose: WaitPurpose.WaveCompletion } current && current.WaveIndex == waveIndex && current.TaskToken == taskToken)
        {
            return;
        }

        Commit(Record with { WaitingTask = new WaitingTask(taskToken, WaitPurpose.WaveCompletion, waveIndex, now) });
    }

    private void Commit(ExecutionRecord next, params AuditEntry[] entries)
    {
        Record = entries.Length == 0 ? next : next with { Audit = [.. next.Audit, .. entries] };
    }

    private WaveRecord WaveAt(int waveIndex)
    {
        if (waveIndex < 0 || waveIndex >= Record.Waves.Count)
        {
            throw DomainException.BadRequest(ErrorCodes.UnknownWave, $"Execution {ExecutionId} has no wave {waveIndex}.");
        }

        return Record.Waves[waveIndex];
    }

    private PlanWave PlanWaveAt(int waveIndex)
    {
        _ = WaveAt(waveIndex);
        return Record.Plan.Waves[waveIndex];
    }

    private void EnsureEarlierWavesEnded(int waveIndex)
    {
        for (var i = 0; i < waveIndex; i++)
        {
            if (!Record.Waves[i].Status.IsTerminal())
            {
                throw ExecutionTransitions.Rejected(ExecutionId, $"wave {waveIndex} cannot start before wave {i} has ended", Status);
            }
        }

        foreach (var dependency in PlanWaveAt(waveIndex).DependsOn)
        {
            var dependencyWave = Record.Waves.FirstOrDefault(w => w.Name == dependency);
            if (dependencyWave is null || dependencyWave.Status is not (WaveStatus.Completed or WaveStatus.Partial))
            {
                throw ExecutionTransitions.Rejected(ExecutionId, $"wave {waveIndex} depends on '{dependency}', which did not complete", Status);
            }
        }
    }

    private static WaveRecord[] Replace(IReadOnlyList<WaveRecord> waves, int index, WaveRecord wave)
    {
        var copy = waves.ToArray();
        copy[index] = wave;
        return copy;
    }
}
