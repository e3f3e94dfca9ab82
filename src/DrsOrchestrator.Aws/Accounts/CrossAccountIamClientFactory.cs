using System.Collections.Concurrent;
using DrsOrchestrator.Aws.Iam;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Iam;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>IAM clients per account (IAM is global); spoke clients sign with the account's assumed-role session.</summary>
public sealed class CrossAccountIamClientFactory(AccountCredentials credentials, AwsClientOptions options) : IIamClientFactory
{
    private readonly ConcurrentDictionary<string, IIamClient> clients = new(StringComparer.Ordinal);

    public IIamClient For(string accountId) =>
        clients.GetOrAdd(accountId, id => new IamClient(
            // IAM's query-protocol errors share EC2's <Error><Code/><Message/> elements.
            new AwsWireClient(AwsService.Iam, IamClient.SigningRegion, credentials.For(id), options, Ec2XmlErrorParser.Instance)));
}
