namespace DrsOrchestrator.Application.Orchestration;

/// <summary>Work done by one engine instance; the benchmark prints these per wave.</summary>
public sealed class EngineCounters
{
    private long _stateWrites;
    private long _jobsStarted;
    private long _jobsAdopted;
    private long _tokensReleased;
    private long _tokensReleasedByEvents;
    private long _wavesReconciled;
    private long _outboxRowsWritten;
    private long _outboxRowsDeleted;
    private long _eventsPublished;
    private long _eventsRejected;
    private long _eventsUndeliverable;
    private long _reconcileFailures;

    /// <summary>Conditional writes of an execution that won.</summary>
    public long StateWrites => Interlocked.Read(ref _stateWrites);

    public long JobsStarted => Interlocked.Read(ref _jobsStarted);

    /// <summary>Jobs a retried step found by their request tag instead of starting them again.</summary>
    public long JobsAdopted => Interlocked.Read(ref _jobsAdopted);

    /// <summary>Task success or failure sent to a waiting workflow.</summary>
    public long TokensReleased => Interlocked.Read(ref _tokensReleased);

    /// <summary>Wave tokens released by the DRS event path or the finder, not by the await step itself.</summary>
    public long TokensReleasedByEvents => Interlocked.Read(ref _tokensReleasedByEvents);

    /// <summary>Reconcile steps the workflow ran because a wave's wait timed out.</summary>
    public long WavesReconciled => Interlocked.Read(ref _wavesReconciled);

    /// <summary>Outbox rows written inside winning state-change transactions (one per domain event).</summary>
    public long OutboxRowsWrittenCount => Interlocked.Read(ref _outboxRowsWritten);

    /// <summary>Outbox rows deleted after the bus accepted their events.</summary>
    public long OutboxRowsDeletedCount => Interlocked.Read(ref _outboxRowsDeleted);

    /// <summary>Events the bus accepted, first publishes and re-publishes alike.</summary>
    public long EventsPublishedCount => Interlocked.Read(ref _eventsPublished);

    /// <summary>Events the bus rejected or a failed call did not deliver; their rows stay for a later publish.</summary>
    public long EventsRejectedCount => Interlocked.Read(ref _eventsRejected);

    /// <summary>Events the outbox gave up on after <see cref="OrchestrationEngine.MaxPublishAttempts"/> rejections.</summary>
    public long EventsUndeliverableCount => Interlocked.Read(ref _eventsUndeliverable);

    internal void StateWritten() => Interlocked.Increment(ref _stateWrites);

    internal void JobStarted() => Interlocked.Increment(ref _jobsStarted);

    internal void JobAdopted() => Interlocked.Increment(ref _jobsAdopted);

    internal void TokenReleased() => Interlocked.Increment(ref _tokensReleased);

    internal void TokenReleasedByEvent() => Interlocked.Increment(ref _tokensReleasedByEvents);

    internal void WaveReconciled() => Interlocked.Increment(ref _wavesReconciled);

    internal void OutboxRowsWritten(int count) => Interlocked.Add(ref _outboxRowsWritten, count);

    internal void OutboxRowsDeleted(int count) => Interlocked.Add(ref _outboxRowsDeleted, count);

    internal void EventsPublished(int count) => Interlocked.Add(ref _eventsPublished, count);

    internal void EventsRejected(int count) => Interlocked.Add(ref _eventsRejected, count);

    internal void EventUndeliverable() => Interlocked.Increment(ref _eventsUndeliverable);

    /// <summary>Executions the finder could not reconcile on a run (each is logged; the others went on).</summary>
    public long ReconcileFailures => Interlocked.Read(ref _reconcileFailures);

    internal void ReconcileFailed() => Interlocked.Increment(ref _reconcileFailures);
}
