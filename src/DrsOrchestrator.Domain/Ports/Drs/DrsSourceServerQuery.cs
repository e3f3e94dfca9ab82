namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed record DrsSourceServerQuery(
    IReadOnlyList<string>? SourceServerIds = null,
    string? HardwareId = null,
    IReadOnlyList<string>? StagingAccountIds = null,
    int? MaxResults = null,
    string? NextToken = null);
