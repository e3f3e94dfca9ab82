namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

/// <param name="UsedBy">Protection group IDs whose launch settings name the profile.</param>
internal sealed record InstanceProfileView(string Name, IReadOnlyList<string> UsedBy);
