namespace DrsOrchestrator.Domain.Ports.Drs;

public sealed record DrsStartRecoveryRequest(
    IReadOnlyList<DrsRecoverySource> SourceServers,
    bool IsDrill,
    IReadOnlyDictionary<string, string>? Tags = null);
