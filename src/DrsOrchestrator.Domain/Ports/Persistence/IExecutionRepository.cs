using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Domain.Ports.Persistence;

/// <summary>
/// Stores executions. While an execution is active (PENDING, RUNNING, PAUSED, CANCELLING) it holds claims,
/// enforced by DynamoDB: its plan has no other active execution, and each server it claims is in no other
/// active execution. Claims are released in the same write that stores a terminal status.
/// </summary>
public interface IExecutionRepository
{
    /// <summary>
    /// Stores a new execution at version 1 and claims its plan and <paramref name="servers"/> (the servers the
    /// run will launch, as resolved when it was requested). All-or-nothing.
    /// </summary>
    /// <exception cref="DomainException">Conflict PLAN_HAS_ACTIVE_EXECUTION (details: planId, activeExecutionId) or SERVER_CONFLICT (details: sourceServerId, accountId, region, activeExecutionId).</exception>
    Task<Execution> CreateAsync(Execution execution, IReadOnlyCollection<SourceServerRef> servers, CancellationToken cancellationToken);

    Task<Execution?> GetAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the execution if the stored version still equals <c>execution.Version</c> and returns it at the
    /// next version. Servers that appear in its waves and are not yet claimed are claimed (tag selections are
    /// resolved when a wave starts); a terminal status releases every claim.
    /// </summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict VERSION_CONFLICT or SERVER_CONFLICT.</exception>
    Task<Execution> SaveAsync(Execution execution, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SaveAsync(Execution, CancellationToken)"/>, and stores <paramref name="events"/> in the SAME
    /// transaction (transactional outbox): a lost version race writes neither the execution nor its events.
    /// </summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict VERSION_CONFLICT or SERVER_CONFLICT.</exception>
    Task<Execution> SaveAsync(Execution execution, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>The execution and its unpublished events, in one query of its partition; null when it does not exist.</summary>
    Task<StoredExecution?> GetWithPendingEventsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>An execution's unpublished events, oldest first (one query of the outbox rows only).</summary>
    Task<IReadOnlyList<OutboxEvent>> GetPendingEventsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Removes outbox events the bus accepted; IDs already gone are ignored.</summary>
    Task DeletePendingEventsAsync(string executionId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records a rejection on the event's outbox row, only if the row still holds
    /// <see cref="OutboxRejection.PreviousAttempts"/> (a row published and deleted meanwhile is not brought
    /// back). The row's next retry waits from <see cref="OutboxRejection.At"/>. With
    /// <see cref="OutboxRejection.GiveUp"/> the row leaves the outbox (and the index the finder reads) and is
    /// kept as undeliverable, in one transaction.
    /// </summary>
    /// <returns>False when the condition failed: another drainer recorded, published or gave up first.</returns>
    Task<bool> RecordRejectedEventAsync(string executionId, OutboxRejection rejection, CancellationToken cancellationToken);

    /// <summary>Events of the execution the outbox gave up on, oldest first (one query of those rows only).</summary>
    Task<IReadOnlyList<UndeliverableEvent>> GetUndeliverableEventsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>
    /// Executions with at least one unpublished event stored at or before <paramref name="storedBefore"/>
    /// (sparse index query, oldest first, no scan). An execution may appear on more than one page.
    /// </summary>
    Task<Page<string>> ListWithPendingEventsAsync(DateTimeOffset storedBefore, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Executions whose recovery-instance termination is IN_PROGRESS (sparse index query, oldest request first, no scan).</summary>
    Task<Page<string>> ListTrackingTerminationAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>Every active execution: one index query per active status, no scan.</summary>
    Task<IReadOnlyList<ExecutionSummary>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Executions newest first, optionally of one status (an index query either way).</summary>
    Task<Page<ExecutionSummary>> ListAsync(ExecutionStatus? status, PageRequest page, CancellationToken cancellationToken);

    /// <summary>A plan's executions, newest first (index query).</summary>
    Task<Page<ExecutionSummary>> ListByPlanAsync(string planId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Executions matching every set member of <paramref name="filter"/>, newest first, in full pages: a page
    /// holds <c>limit</c> matches unless the list ends or a request reached the read budget, and the token
    /// resumes right after the last execution returned.
    /// </summary>
    Task<Page<ExecutionSummary>> ListMatchingAsync(ExecutionListFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The active execution holding a plan, if any: one key lookup.</summary>
    Task<string?> FindActiveExecutionOfPlanAsync(string planId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a terminal execution's history, undeliverable events included. Refused while it still has
    /// unpublished events: they would be lost, and a terminal run gains no new ones, so the refusal holds
    /// until the finder publishes them or gives up on them.
    /// </summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict EXECUTION_ACTIVE or EXECUTION_EVENTS_PENDING (details: pendingEvents).</exception>
    Task DeleteAsync(string executionId, CancellationToken cancellationToken);
}
