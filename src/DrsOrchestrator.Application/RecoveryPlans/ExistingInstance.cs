namespace DrsOrchestrator.Application.RecoveryPlans;

public sealed record ExistingInstance(
    string SourceServerId,
    string AccountId,
    string Region,
    string WaveName,
    string RecoveryInstanceId,
    string? Ec2InstanceId,
    string? Ec2InstanceState,
    bool IsDrill,
    string? JobId);
