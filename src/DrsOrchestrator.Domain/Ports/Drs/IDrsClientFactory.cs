namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>
/// Hands out a DRS client for an account and region. For a spoke account the client calls DRS with
/// credentials of the role assumed in that account, never with the hub's own.
/// </summary>
public interface IDrsClientFactory
{
    IDrsClient For(string accountId, string region);
}
