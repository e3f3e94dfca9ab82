using System.Collections.Concurrent;
using DrsOrchestrator.Aws.Drs;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>DRS clients per (account, region); spoke clients sign with the account's assumed-role session.</summary>
public sealed class CrossAccountDrsClientFactory(AccountCredentials credentials, AwsClientOptions options) : IDrsClientFactory
{
    private readonly ConcurrentDictionary<(string AccountId, string Region), IDrsClient> clients = new();

    public IDrsClient For(string accountId, string region) =>
        clients.GetOrAdd((accountId, region), key => new DrsClient(
            key.AccountId,
            new AwsWireClient(AwsService.Drs, key.Region, credentials.For(key.AccountId), options, JsonErrorParser.Instance)));
}
