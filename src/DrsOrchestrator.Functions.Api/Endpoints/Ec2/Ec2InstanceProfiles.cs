namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

/// <param name="Source">Where the names come from; see <see cref="Ec2Routes"/> for why it is not IAM.</param>
internal sealed record Ec2InstanceProfiles(IReadOnlyList<InstanceProfileView> Items, string Source);
