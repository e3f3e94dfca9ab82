using Amazon.Runtime;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>
/// A target account's role session, cached until shortly before it expires. Concurrent callers
/// share one refresh: a burst of DRS calls after expiry makes one AssumeRole call, not one each.
/// </summary>
internal sealed class AssumedRoleCredentialSource(IRoleAssumer assumer, AccountAccess access, TimeProvider time, TimeSpan refreshBeforeExpiry)
    : IAwsCredentialSource, IDisposable
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile AssumedCredentials? current;

    public AccountAccess Access { get; } = access;

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && IsFresh(cached))
        {
            return cached.Credentials;
        }

        await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is { } again && IsFresh(again))
            {
                return again.Credentials;
            }

            var assumed = await assumer.AssumeAsync(Access, cancellationToken).ConfigureAwait(false);
            current = assumed;
            return assumed.Credentials;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private bool IsFresh(AssumedCredentials credentials) => time.GetUtcNow() < credentials.Expiration - refreshBeforeExpiry;
}
