namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

/// <param name="RoleName">The role the profile hands to the instance; null for a profile without one.</param>
/// <param name="UsedBy">Protection groups in the requested account and region whose launch settings name the profile (by name or ARN).</param>
internal sealed record InstanceProfileView(string Name, string Arn, string? RoleName, IReadOnlyList<string> UsedBy);
