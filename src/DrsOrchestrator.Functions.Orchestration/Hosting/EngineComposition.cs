using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Functions.Orchestration.Hosting;

/// <summary>Builds the engine from validated settings: the composition root both engine functions share.</summary>
public static class EngineComposition
{
    public static OrchestrationEngine Create(EngineSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dynamo = settings.DynamoDbServiceUrl is { } url
            // Local twin only: DynamoDB Local accepts any credentials, and real ones must never be sent to it.
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = url.ToString(), AuthenticationRegion = settings.Region })
            : new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region) });
        var persistence = DynamoDbPersistenceOptions.Default(settings.Tables);
        var client = new AwsClientOptions(ServiceUrl: settings.ServiceUrl, TimeProvider: time);
        var hubCredentials = SdkCredentialSource.FromDefaultChain();
        var accounts = new AccountCredentials(
            new CrossAccountOptions(settings.HubAccountId, DefaultAWSCredentialsIdentityResolver.GetCredentials(), settings.Region, client),
            // Spokes are reached through the role and external id registered in the target-accounts table
            // (POST /accounts), so registering an account needs no redeploy.
            new RepositoryAccountAccessResolver(new DynamoDbTargetAccountRepository(dynamo, persistence)));
        return new OrchestrationEngine(
            new DynamoDbExecutionRepository(dynamo, persistence, time),
            new DynamoDbProtectionGroupRepository(dynamo, persistence, time),
            new CrossAccountDrsClientFactory(accounts, client),
            new CrossAccountEc2ClientFactory(accounts, client),
            AwsClients.StepFunctions(settings.Region, hubCredentials, client),
            AwsClients.EventBridge(settings.Region, settings.EventBusName, settings.EventSource, hubCredentials, client),
            time,
            new EngineOptions(settings.StateMachineArn, settings.CapacityWaitSeconds));
    }
}
