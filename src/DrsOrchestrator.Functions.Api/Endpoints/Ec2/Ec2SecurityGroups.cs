using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

internal sealed record Ec2SecurityGroups(IReadOnlyList<Ec2SecurityGroup> Items);
