namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed record DrsJobQuery(
    IReadOnlyList<string>? JobIds = null,
    DateTimeOffset? FromDate = null,
    DateTimeOffset? ToDate = null,
    int? MaxResults = null,
    string? NextToken = null);
