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

    internal void StateWritten() => Interlocked.Increment(ref _stateWrites);

    internal void JobStarted() => Interlocked.Increment(ref _jobsStarted);

    internal void JobAdopted() => Interlocked.Increment(ref _jobsAdopted);

    internal void TokenReleased() => Interlocked.Increment(ref _tokensReleased);

    internal void TokenReleasedByEvent() => Interlocked.Increment(ref _tokensReleasedByEvents);

    internal void WaveReconciled() => Interlocked.Increment(ref _wavesReconciled);
}
