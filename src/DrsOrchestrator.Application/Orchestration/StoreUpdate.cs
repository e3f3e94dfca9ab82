using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>The outcome of one <see cref="ExecutionStore"/> update.</summary>
/// <param name="Execution">The execution as stored afterwards.</param>
/// <param name="Saved">Whether this call's conditional write won.</param>
/// <param name="Written">The outbox events this call's save stored (empty when it did not save).</param>
/// <param name="PendingBefore">Outbox events of earlier state changes that were still stored when this call read the execution.</param>
/// <param name="ReadAt">When <paramref name="PendingBefore"/> was read: a row's age is judged at that moment, not after a slow save.</param>
internal sealed record StoreUpdate(Execution Execution, bool Saved, IReadOnlyList<OutboxEvent> Written, IReadOnlyList<OutboxEvent> PendingBefore, DateTimeOffset ReadAt);
