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

    /// <summary>Every active execution: one index query per active status, no scan.</summary>
    Task<IReadOnlyList<ExecutionSummary>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Executions newest first, optionally of one status (an index query either way).</summary>
    Task<Page<ExecutionSummary>> ListAsync(ExecutionStatus? status, PageRequest page, CancellationToken cancellationToken);

    /// <summary>A plan's executions, newest first (index query).</summary>
    Task<Page<ExecutionSummary>> ListByPlanAsync(string planId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The active execution holding a plan, if any: one key lookup.</summary>
    Task<string?> FindActiveExecutionOfPlanAsync(string planId, CancellationToken cancellationToken);

    /// <summary>Deletes a terminal execution's history.</summary>
    /// <exception cref="DomainException">NotFound EXECUTION_NOT_FOUND; Conflict EXECUTION_ACTIVE.</exception>
    Task DeleteAsync(string executionId, CancellationToken cancellationToken);
}
