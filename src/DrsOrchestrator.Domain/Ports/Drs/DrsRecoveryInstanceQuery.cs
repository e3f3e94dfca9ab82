namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed record DrsRecoveryInstanceQuery(
    IReadOnlyList<string>? RecoveryInstanceIds = null,
    IReadOnlyList<string>? SourceServerIds = null,
    int? MaxResults = null,
    string? NextToken = null);
