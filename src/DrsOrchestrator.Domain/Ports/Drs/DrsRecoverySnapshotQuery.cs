namespace DrsOrchestrator.Domain.Ports.Drs;

/// <param name="Ascending">DRS's <c>order</c>: true for ASC, false for DESC, null for the service default.</param>
public sealed record DrsRecoverySnapshotQuery(
    string SourceServerId,
    DateTimeOffset? FromDateTime = null,
    DateTimeOffset? ToDateTime = null,
    bool? Ascending = null,
    int? MaxResults = null,
    string? NextToken = null);
