namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

internal sealed record TagsView(string SourceServerId, IReadOnlyDictionary<string, string> Tags);
