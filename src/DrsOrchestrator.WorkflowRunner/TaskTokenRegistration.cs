using System.Text.Json.Nodes;
using DrsOrchestrator.WorkflowRunner.Asl;

namespace DrsOrchestrator.WorkflowRunner;

/// <summary>One issued task token: the waiting task listens on it; client calls complete or touch it.</summary>
internal sealed class TaskTokenRegistration(LocalExecution execution)
{
    private readonly TaskCompletionSource<JsonNode?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _heartbeat = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closed;

    public LocalExecution Execution { get; } = execution;

    public Task<JsonNode?> Outcome => _outcome.Task;

    /// <summary>Completes at the next heartbeat; read again after each one.</summary>
    public Task Heartbeat => Volatile.Read(ref _heartbeat).Task;

    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    public bool TrySucceed(JsonNode? output) => !IsClosed && _outcome.TrySetResult(output);

    public bool TryFail(string error, string? cause) => !IsClosed && _outcome.TrySetException(new StatesErrorException(error, cause));

    public bool TryHeartbeat()
    {
        if (IsClosed || _outcome.Task.IsCompleted)
        {
            return false;
        }

        var previous = Interlocked.Exchange(ref _heartbeat, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
        return true;
    }

    /// <summary>The task has ended (any way): later calls with this token get TaskTimedOut, like the service.</summary>
    public void Close() => Interlocked.Exchange(ref _closed, 1);
}
