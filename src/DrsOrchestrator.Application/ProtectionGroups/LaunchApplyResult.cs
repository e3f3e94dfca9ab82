namespace DrsOrchestrator.Application.ProtectionGroups;

/// <summary>
/// What apply-launch-configuration did per member server. Every launch setting is applied: DRS's launch
/// configuration members through DRS, subnet, security groups, instance type and instance profile through
/// the server's EC2 launch template.
/// </summary>
public sealed record LaunchApplyResult(string GroupId, int Updated, int Unchanged, int Failed, IReadOnlyList<LaunchApplyOutcome> Servers);
