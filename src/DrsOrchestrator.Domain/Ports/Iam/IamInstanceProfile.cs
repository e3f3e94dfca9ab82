namespace DrsOrchestrator.Domain.Ports.Iam;

/// <param name="RoleNames">The roles the profile hands to an instance (IAM allows one).</param>
public sealed record IamInstanceProfile(string InstanceProfileName, string Arn, string Path, IReadOnlyList<string> RoleNames);
