namespace DrsOrchestrator.Application.ProtectionGroups;

/// <param name="NotAppliedSettings">
/// Settings the group holds that live in the server's EC2 launch template rather than in DRS's launch
/// configuration (subnet, security groups, instance type, instance profile); they are listed, not silently dropped.
/// </param>
public sealed record LaunchApplyResult(string GroupId, int Updated, int Unchanged, int Failed, IReadOnlyList<LaunchApplyOutcome> Servers, IReadOnlyList<string> NotAppliedSettings);
