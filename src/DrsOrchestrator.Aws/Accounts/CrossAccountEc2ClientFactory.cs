using System.Collections.Concurrent;
using DrsOrchestrator.Aws.Ec2;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Aws.Accounts;

/// <summary>EC2 clients per (account, region); spoke clients sign with the account's assumed-role session.</summary>
public sealed class CrossAccountEc2ClientFactory(AccountCredentials credentials, AwsClientOptions options) : IEc2ClientFactory
{
    private readonly ConcurrentDictionary<(string AccountId, string Region), IEc2Client> clients = new();

    public IEc2Client For(string accountId, string region) =>
        clients.GetOrAdd((accountId, region), key => new Ec2Client(new Ec2QueryProtocol(
            new AwsWireClient(AwsService.Ec2, key.Region, credentials.For(key.AccountId), options, Ec2XmlErrorParser.Instance))));
}
