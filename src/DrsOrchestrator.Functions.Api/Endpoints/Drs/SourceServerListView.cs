namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

/// <param name="Total">Servers matching the filters across all pages.</param>
internal sealed record SourceServerListView(string AccountId, string Region, IReadOnlyList<SourceServerView> Items, int Total, string? NextToken);
