using DrsOrchestrator.Domain.Ports.Accounts;

namespace DrsOrchestrator.Aws.Tests.Drs;

/// <summary>The registered-accounts port backed by a dictionary; counts lookups so caching is observable.</summary>
internal sealed class InMemoryAccountDirectory(params AccountAccess[] accounts) : IAccountAccessResolver
{
    private readonly Dictionary<string, AccountAccess> accounts = accounts.ToDictionary(a => a.AccountId);
    private int lookups;

    public int Lookups => Volatile.Read(ref lookups);

    public static InMemoryAccountDirectory WithSpoke(string? externalId = SimulatedFleet.SpokeExternalId, string? roleArn = null) =>
        new(new AccountAccess(SimulatedFleet.SpokeAccountId, roleArn ?? SimulatedFleet.SpokeRoleArn, externalId));

    public Task<AccountAccess?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref lookups);
        return Task.FromResult(accounts.GetValueOrDefault(accountId));
    }
}
