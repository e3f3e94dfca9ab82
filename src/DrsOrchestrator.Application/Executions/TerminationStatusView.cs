using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Application.Executions;

/// <summary>Where terminating an execution's recovery instances stands, after asking DRS about its jobs.</summary>
/// <param name="InstancesRemaining">Recovery instances of the execution still recorded as launched.</param>
public sealed record TerminationStatusView(string ExecutionId, TerminationState Termination, int InstancesRemaining);
