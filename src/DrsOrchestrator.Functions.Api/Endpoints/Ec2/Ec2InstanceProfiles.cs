namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

/// <param name="Items">The account's IAM instance profiles, by name.</param>
internal sealed record Ec2InstanceProfiles(IReadOnlyList<InstanceProfileView> Items);
