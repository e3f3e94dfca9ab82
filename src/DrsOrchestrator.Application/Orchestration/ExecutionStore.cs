using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// Load, change, conditional save. A save that loses the version race is re-read and the change decided
/// again on fresh state, so two writers never both win and the loser acts on what the winner did. The
/// events a change produces are stored in the same transaction as the change (transactional outbox).
/// </summary>
internal sealed class ExecutionStore(IExecutionRepository repository, int maxAttempts, TimeProvider time)
{
    public IExecutionRepository Repository => repository;

    public async Task<Execution> LoadAsync(string executionId, CancellationToken cancellationToken) =>
        await repository.GetAsync(executionId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(executionId);

    /// <summary>
    /// Runs <paramref name="change"/> on a fresh copy; it returns true to save. Returns the execution as
    /// stored afterwards and whether this call's save won.
    /// </summary>
    public Task<(Execution Execution, bool Saved)> UpdateAsync(string executionId, Func<Execution, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(executionId, e => change(e) ? e : null, cancellationToken);

    /// <summary>As above; <paramref name="change"/> returns the execution to save, or null to leave it.</summary>
    public async Task<(Execution Execution, bool Saved)> UpdateAsync(string executionId, Func<Execution, Execution?> change, CancellationToken cancellationToken)
    {
        var result = await UpdateAsync(executionId, change, _ => EventSpec.None, cancellationToken).ConfigureAwait(false);
        return (result.Execution, result.Saved);
    }

    /// <summary>
    /// As above, and <paramref name="events"/> (asked on the changed execution, in the same attempt) become
    /// outbox rows of the same transaction, with IDs derived from the version the save stores.
    /// </summary>
    public async Task<StoreUpdate> UpdateAsync(
        string executionId, Func<Execution, Execution?> change, Func<Execution, IReadOnlyList<EventSpec>> events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await repository.GetWithPendingEventsAsync(executionId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(executionId);
            var readAt = time.GetUtcNow();
            if (change(stored.Execution) is not { } execution)
            {
                return new StoreUpdate(stored.Execution, false, [], stored.PendingEvents, readAt);
            }

            var now = time.GetUtcNow();
            var outbox = events(execution)
                .Select((spec, i) =>
                {
                    var id = ExecutionEvents.IdFor(executionId, execution.Version + 1, i);
                    return new OutboxEvent(id, ExecutionEvents.Create(spec.DetailType, execution, now, spec.WaveIndex, id));
                })
                .ToList();
            try
            {
                var saved = await repository.SaveAsync(execution, outbox, cancellationToken).ConfigureAwait(false);
                return new StoreUpdate(saved, true, outbox, stored.PendingEvents, readAt);
            }
            catch (DomainException ex) when (ex.Code == ErrorCodes.VersionConflict && attempt < maxAttempts)
            {
                // Another writer won; decide again on what it stored (its events are its own to publish).
            }
        }
    }

    private static DomainException NotFound(string executionId) =>
        DomainException.NotFound(ErrorCodes.ExecutionNotFound, $"Execution '{executionId}' does not exist.");
}
