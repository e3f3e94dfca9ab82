using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>
/// Credentials per account: the hub's own for the hub account, an assumed-role session for every
/// other account. A spoke without a usable role is refused rather than served with hub credentials.
/// </summary>
public sealed class AccountCredentials : IDisposable
{
    /// <summary>How long a registered role/external id is trusted before it is looked up again.</summary>
    private static readonly TimeSpan AccessCacheLifetime = TimeSpan.FromMinutes(5);

    private readonly CrossAccountOptions options;
    private readonly IAccountAccessResolver resolver;
    private readonly IRoleAssumer assumer;
    private readonly IAwsCredentialSource hub;
    private readonly IDisposable? stsClient;
    private readonly ConcurrentDictionary<AccountAccess, AssumedRoleCredentialSource> sessions = new();
    private readonly ConcurrentDictionary<string, (AccountAccess Access, DateTimeOffset ResolvedAt)> accessCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IAwsCredentialSource> perAccount = new(StringComparer.Ordinal);

    public AccountCredentials(CrossAccountOptions options, IAccountAccessResolver resolver)
        : this(options, resolver, CreateStsAssumer(options, out var client))
    {
        stsClient = client;
    }

    internal AccountCredentials(CrossAccountOptions options, IAccountAccessResolver resolver, IRoleAssumer assumer)
    {
        this.options = options;
        this.resolver = resolver;
        this.assumer = assumer;
        hub = new SdkCredentialSource(options.HubCredentials);
    }

    public string HubAccountId => options.HubAccountId;

    /// <summary>A credential source for the account; the role is resolved and assumed on first use, not here.</summary>
    public IAwsCredentialSource For(string accountId) =>
        accountId == options.HubAccountId ? hub : perAccount.GetOrAdd(accountId, id => new SpokeCredentialSource(this, id));

    /// <summary>Assumes the given role now (no cache): proves a registration before it is saved.</summary>
    internal async Task<ImmutableCredentials> AssumeFreshAsync(AccountAccess access, CancellationToken cancellationToken)
    {
        Validate(access);
        var assumed = await assumer.AssumeAsync(access, cancellationToken).ConfigureAwait(false);
        return assumed.Credentials;
    }

    public void Dispose()
    {
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        stsClient?.Dispose();
    }

    private async ValueTask<ImmutableCredentials> GetSpokeCredentialsAsync(string accountId, CancellationToken cancellationToken)
    {
        var access = await ResolveAsync(accountId, cancellationToken).ConfigureAwait(false);
        var session = sessions.GetOrAdd(access, a => new AssumedRoleCredentialSource(
            assumer, a, options.Client.EffectiveTimeProvider, options.EffectiveRefreshBeforeExpiry));
        return await session.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<AccountAccess> ResolveAsync(string accountId, CancellationToken cancellationToken)
    {
        var now = options.Client.EffectiveTimeProvider.GetUtcNow();
        if (accessCache.TryGetValue(accountId, out var cached) && now - cached.ResolvedAt < AccessCacheLifetime)
        {
            return cached.Access;
        }

        var access = await resolver.FindAsync(accountId, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} is not registered.");
        Validate(access with { AccountId = accountId });
        accessCache[accountId] = (access, now);
        return access;
    }

    private static void Validate(AccountAccess access)
    {
        if (string.IsNullOrEmpty(access.RoleArn))
        {
            throw DomainException.Validation(ErrorCodes.InvalidAccount, $"Account {access.AccountId} has no cross-account role; the hub's own credentials are never used for it.");
        }

        // arn:partition:iam::<account>:role/<name>: a role in another account would point DRS calls at the wrong fleet.
        var parts = access.RoleArn.Split(':');
        if (parts.Length < 6 || parts[2] != "iam" || parts[4] != access.AccountId || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw DomainException.Validation(ErrorCodes.InvalidAccount, $"Role {access.RoleArn} is not a role in account {access.AccountId}.");
        }
    }

    private static StsRoleAssumer CreateStsAssumer(CrossAccountOptions options, out IDisposable client)
    {
        var config = new AmazonSecurityTokenServiceConfig();
        if (options.Client.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.StsRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.StsRegion);
        }

        var sts = new AmazonSecurityTokenServiceClient(options.HubCredentials, config);
        client = sts;
        return new StsRoleAssumer(sts, options.RoleSessionName, options.EffectiveSessionDuration);
    }

    private sealed class SpokeCredentialSource(AccountCredentials owner, string accountId) : IAwsCredentialSource
    {
        public ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            owner.GetSpokeCredentialsAsync(accountId, cancellationToken);
    }
}
