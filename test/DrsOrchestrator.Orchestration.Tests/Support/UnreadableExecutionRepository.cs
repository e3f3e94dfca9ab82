using System.Reflection;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Orchestration.Tests.Support;

/// <summary>
/// The real repository, plus one active execution that cannot be read (as when its item is corrupt or
/// its partition is throttled for good): every call goes to the real store except the list of active
/// runs, which gains the broken one, and the read of that one, which throws.
/// </summary>
public class UnreadableExecutionRepository : DispatchProxy
{
    private IExecutionRepository _inner = null!;
    private ExecutionSummary _broken = null!;

    public static IExecutionRepository Wrap(IExecutionRepository inner, ExecutionSummary broken)
    {
        var proxy = Create<IExecutionRepository, UnreadableExecutionRepository>();
        var self = (UnreadableExecutionRepository)(object)proxy;
        self._inner = inner;
        self._broken = broken;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IExecutionRepository.GetAsync) && args?[0] as string == _broken.ExecutionId)
        {
            return Task.FromException<Execution?>(new InvalidOperationException($"Execution {_broken.ExecutionId} could not be read (injected)."));
        }

        if (targetMethod.Name == nameof(IExecutionRepository.ListActiveAsync))
        {
            return ListActiveAsync((CancellationToken)args![0]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private async Task<IReadOnlyList<ExecutionSummary>> ListActiveAsync(CancellationToken cancellationToken) =>
        [_broken, .. await _inner.ListActiveAsync(cancellationToken).ConfigureAwait(false)];
}
