using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Functions.Api.Endpoints.Ec2;

internal sealed record Ec2LaunchTemplates(IReadOnlyList<Ec2LaunchTemplate> Items);
