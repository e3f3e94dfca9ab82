namespace DrsOrchestrator.Aws.Tests.Wire;

/// <summary>
/// Records every timer the client asks for and fires those up to <paramref name="fireAtOrBelow"/>
/// at once, so backoff delays are observed without waiting for them. Longer timers (the per-attempt
/// timeout) never fire.
/// </summary>
internal sealed class RecordingTimeProvider(TimeSpan fireAtOrBelow) : TimeProvider
{
    private readonly List<TimeSpan> dueTimes = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (dueTimes)
            {
                return dueTimes.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (dueTimes)
        {
            dueTimes.Add(dueTime);
        }

        if (dueTime >= TimeSpan.Zero && dueTime <= fireAtOrBelow)
        {
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
