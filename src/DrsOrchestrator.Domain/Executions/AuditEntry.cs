namespace DrsOrchestrator.Domain.Executions;

/// <param name="Actor">The user (sub or e-mail) for operator actions, <see cref="Execution.SystemActor"/> for the engine's own.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, AuditAction Action, int? WaveIndex = null, string? Detail = null);
