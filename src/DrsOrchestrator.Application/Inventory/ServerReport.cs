using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.RecoveryPlans;

namespace DrsOrchestrator.Application.Inventory;

/// <param name="Criticality">Planned: whether a failure of this server fails the wave.</param>
public sealed record ServerReport(
    string SourceServerId,
    string AccountId,
    string Region,
    ServerCriticality Criticality,
    ServerLaunchStatus LaunchStatus,
    string? JobId,
    string? RecoveryInstanceId,
    string? Ec2InstanceId,
    DateTimeOffset? LaunchStartedAt,
    DateTimeOffset? LaunchEndedAt,
    double? LaunchSeconds,
    string? FailureReason);
