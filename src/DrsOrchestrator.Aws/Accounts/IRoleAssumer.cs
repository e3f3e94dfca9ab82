using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>Exchanges the hub's identity for a session in a target account's role.</summary>
internal interface IRoleAssumer
{
    Task<AssumedCredentials> AssumeAsync(AccountAccess access, CancellationToken cancellationToken);
}
