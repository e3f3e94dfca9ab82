using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.Settings;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Functions.Orchestration.Hosting;

namespace DrsOrchestrator.Functions.ExecutionPoller;

/// <summary>The poller's composition root: the engine (shared with the orchestration function) and tag sync.</summary>
public static class PollerComposition
{
    public static PollerHandler Create(EngineSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new PollerHandler(
            EngineComposition.Create(settings, time),
            CreateTagSync(settings, CreateDynamoDb(settings), DefaultAWSCredentialsIdentityResolver.GetCredentials(), time));
    }

    /// <summary>
    /// Tag sync as the API wires it: the settings table (rules, run record), the target-accounts table, and
    /// DRS in every registered account (the hub's own with <paramref name="hubCredentials"/>, spokes through
    /// their registered role).
    /// </summary>
    public static TagSyncService CreateTagSync(EngineSettings settings, IAmazonDynamoDB dynamo, AWSCredentials hubCredentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var persistence = DynamoDbPersistenceOptions.Default(settings.Tables);
        var accounts = new DynamoDbTargetAccountRepository(dynamo, persistence);
        var client = new AwsClientOptions(ServiceUrl: settings.ServiceUrl, TimeProvider: time);
        var credentials = new AccountCredentials(
            new CrossAccountOptions(settings.HubAccountId, hubCredentials, settings.Region, client),
            new RepositoryAccountAccessResolver(accounts));
        return new TagSyncService(
            new SettingsService(new DynamoDbSettingsRepository(dynamo, persistence), time),
            accounts,
            new CrossAccountDrsClientFactory(credentials, client),
            time);
    }

    private static AmazonDynamoDBClient CreateDynamoDb(EngineSettings settings) =>
        settings.DynamoDbServiceUrl is { } url
            // Local twin only: DynamoDB Local accepts any credentials, and real ones must never be sent to it.
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = url.ToString(), AuthenticationRegion = settings.Region })
            : new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region) });
}
