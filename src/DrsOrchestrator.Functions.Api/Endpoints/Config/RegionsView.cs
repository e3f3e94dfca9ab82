namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed record RegionsView(IReadOnlyList<string> Regions);
