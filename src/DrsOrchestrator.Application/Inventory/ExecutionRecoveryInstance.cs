using DrsOrchestrator.Domain.Executions;

namespace DrsOrchestrator.Application.Inventory;

/// <summary>A recovery instance the run launched: what the run recorded, and what DRS says about it now.</summary>
/// <param name="Ec2InstanceState">DRS's current view; null when DRS no longer lists it.</param>
public sealed record ExecutionRecoveryInstance(
    string SourceServerId,
    string WaveName,
    string AccountId,
    string Region,
    string RecoveryInstanceId,
    string? Ec2InstanceId,
    string? Ec2InstanceState,
    bool? IsDrill,
    ServerLaunchStatus LaunchStatus,
    string? JobId);
