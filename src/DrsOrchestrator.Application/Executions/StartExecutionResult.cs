using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Planning;

namespace DrsOrchestrator.Application.Executions;

/// <param name="Quota">
/// DRS capacity for the largest wave per account and region. Sufficient, or Insufficient (the run still
/// starts: jobs beyond the limits wait for capacity). An unreadable quota rejects the start instead.
/// </param>
public sealed record StartExecutionResult(Execution Execution, QuotaCheckResult Quota);
