namespace DrsOrchestrator.Simulator.Model;

/// <summary>An IAM instance profile as ListInstanceProfiles shows it (IAM allows one role per profile).</summary>
public sealed record SimInstanceProfile(string InstanceProfileName, string InstanceProfileId, string Arn, string Path, string RoleName, string RoleArn, string RoleId, DateTimeOffset CreatedAt);
