using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Load, change, conditional save. A save that loses the version race is re-read and the change decided
/// again on fresh state, so two writers never both win and the loser acts on what the winner did.
/// </summary>
internal sealed class ExecutionStore(IExecutionRepository repository, int maxAttempts)
{
    public IExecutionRepository Repository => repository;

    public async Task<Execution> LoadAsync(string executionId, CancellationToken cancellationToken) =>
        await repository.GetAsync(executionId, cancellationToken).ConfigureAwait(false)
        ?? throw DomainException.NotFound(ErrorCodes.ExecutionNotFound, $"Execution '{executionId}' does not exist.");

    /// <summary>
    /// Runs <paramref name="change"/> on a fresh copy; it returns true to save. Returns the execution as
    /// stored afterwards and whether this call's save won.
    /// </summary>
    public Task<(Execution Execution, bool Saved)> UpdateAsync(string executionId, Func<Execution, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(executionId, e => change(e) ? e : null, cancellationToken);

    /// <summary>As above; <paramref name="change"/> returns the execution to save, or null to leave it.</summary>
    public async Task<(Execution Execution, bool Saved)> UpdateAsync(string executionId, Func<Execution, Execution?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(executionId, cancellationToken).ConfigureAwait(false);
            if (change(loaded) is not { } execution)
            {
                return (loaded, false);
            }

            try
            {
                return (await repository.SaveAsync(execution, cancellationToken).ConfigureAwait(false), true);
            }
            catch (DomainException ex) when (ex.Code == ErrorCodes.VersionConflict && attempt < maxAttempts)
            {
                // Another writer won; decide again on what it stored.
            }
        }
    }
}
