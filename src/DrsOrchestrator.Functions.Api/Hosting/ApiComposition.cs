using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.Inventory;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Application.ProtectionGroups;
using DrsOrchestrator.Application.RecoveryPlans;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Aws.Persistence.Settings;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Iam;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Functions.Api.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace DrsOrchestrator.Functions.Api.Hosting;

/// <summary>The composition root: settings in, a ready pipeline out. The local host and tests use the same wiring.</summary>
/// <remarks>
/// Every registration is a lazy singleton and the DRS/EC2 factories defer their credentials to the first
/// call, so a cold start builds only what its first request needs (a GET /protection-groups never resolves
/// AWS credentials or constructs STS, DRS or Step Functions clients). Hosts replace the hub's
/// identity by registering their own <see cref="AWSCredentials"/>, and the workflow by registering their
/// own <see cref="IWorkflowClient"/> (the local runner).
/// </remarks>
public static class ApiComposition
{
    public static ApiPipeline Build(ApiSettings settings, TextWriter log, Action<IServiceCollection>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var services = new ServiceCollection();
        AddApiServices(services, settings);
        overrides?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new ApiPipeline(provider, new ApiPipelineOptions(settings.AllowedOrigin, log));
    }

    public static void AddApiServices(IServiceCollection services, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);

        // Persistence.
        services.AddSingleton<IAmazonDynamoDB>(_ => CreateDynamoDbClient(settings));
        services.AddSingleton(DynamoDbPersistenceOptions.Default(settings.Tables));
        services.AddSingleton<IProtectionGroupRepository>(sp => new DynamoDbProtectionGroupRepository(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<DynamoDbPersistenceOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRecoveryPlanRepository>(sp => new DynamoDbRecoveryPlanRepository(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<DynamoDbPersistenceOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IExecutionRepository>(sp => new DynamoDbExecutionRepository(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<DynamoDbPersistenceOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITargetAccountRepository>(sp => new DynamoDbTargetAccountRepository(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<DynamoDbPersistenceOptions>()));
        services.AddSingleton<ISettingsRepository>(sp => new DynamoDbSettingsRepository(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<DynamoDbPersistenceOptions>()));

        // AWS: the hub's identity, spokes through their registered role, one endpoint override for the local twin.
        services.AddSingleton<AWSCredentials>(_ => DefaultAWSCredentialsIdentityResolver.GetCredentials());
        services.AddSingleton(sp => new AwsClientOptions(ServiceUrl: settings.ServiceUrl, TimeProvider: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAccountAccessResolver>(sp => new RepositoryAccountAccessResolver(sp.GetRequiredService<ITargetAccountRepository>()));
        services.AddSingleton(sp => new AccountCredentials(
            new CrossAccountOptions(settings.HubAccountId, sp.GetRequiredService<AWSCredentials>(), settings.Region, sp.GetRequiredService<AwsClientOptions>()),
            sp.GetRequiredService<IAccountAccessResolver>()));
        services.AddSingleton<IDrsClientFactory>(sp => new DeferredDrsClientFactory(
            () => new CrossAccountDrsClientFactory(sp.GetRequiredService<AccountCredentials>(), sp.GetRequiredService<AwsClientOptions>())));
        services.AddSingleton<IEc2ClientFactory>(sp => new DeferredEc2ClientFactory(
            () => new CrossAccountEc2ClientFactory(sp.GetRequiredService<AccountCredentials>(), sp.GetRequiredService<AwsClientOptions>())));
        services.AddSingleton<IIamClientFactory>(sp => new DeferredIamClientFactory(
            () => new CrossAccountIamClientFactory(sp.GetRequiredService<AccountCredentials>(), sp.GetRequiredService<AwsClientOptions>())));
        services.AddSingleton<IAccountAccessValidator>(sp => new DeferredAccountAccessValidator(
            () => new AccountAccessValidator(sp.GetRequiredService<AccountCredentials>(), sp.GetRequiredService<AwsClientOptions>())));
        services.AddSingleton<IWorkflowClient>(sp => AwsClients.StepFunctions(
            settings.Region, new SdkCredentialSource(sp.GetRequiredService<AWSCredentials>()), sp.GetRequiredService<AwsClientOptions>()));
        services.AddSingleton<IEventPublisher>(sp => AwsClients.EventBridge(
            settings.Region, settings.EventBusName, settings.EventSource, new SdkCredentialSource(sp.GetRequiredService<AWSCredentials>()), sp.GetRequiredService<AwsClientOptions>()));

        // Use cases.
        services.AddSingleton(sp => new ProtectionGroupService(
            sp.GetRequiredService<IProtectionGroupRepository>(), sp.GetRequiredService<IRecoveryPlanRepository>(), sp.GetRequiredService<IDrsClientFactory>(),
            sp.GetRequiredService<IEc2ClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RecoveryPlanService(
            sp.GetRequiredService<IRecoveryPlanRepository>(), sp.GetRequiredService<IProtectionGroupRepository>(), sp.GetRequiredService<IExecutionRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DrsUsageReader(sp.GetRequiredService<IDrsClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PlanFleet(sp.GetRequiredService<IProtectionGroupRepository>(), sp.GetRequiredService<IDrsClientFactory>()));
        services.AddSingleton(sp => new PlanReadinessService(
            sp.GetRequiredService<RecoveryPlanService>(), sp.GetRequiredService<PlanFleet>(), sp.GetRequiredService<DrsUsageReader>(),
            sp.GetRequiredService<IDrsClientFactory>(), sp.GetRequiredService<IExecutionRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TargetAccountService(
            sp.GetRequiredService<ITargetAccountRepository>(), sp.GetRequiredService<IProtectionGroupRepository>(), sp.GetRequiredService<IAccountAccessValidator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DrsInventoryService(
            sp.GetRequiredService<IDrsClientFactory>(), sp.GetRequiredService<IProtectionGroupRepository>(), sp.GetRequiredService<DrsUsageReader>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ExecutionHistoryService(sp.GetRequiredService<IExecutionRepository>(), sp.GetRequiredService<IDrsClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SettingsService(sp.GetRequiredService<ISettingsRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TagSyncService(
            sp.GetRequiredService<SettingsService>(), sp.GetRequiredService<ITargetAccountRepository>(), sp.GetRequiredService<IDrsClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConfigurationTransfer(
            sp.GetRequiredService<SettingsService>(), sp.GetRequiredService<ITargetAccountRepository>(), sp.GetRequiredService<IProtectionGroupRepository>(), sp.GetRequiredService<IRecoveryPlanRepository>()));
        services.AddSingleton(sp => new ConfigHealthService(sp.GetRequiredService<SettingsService>(), sp.GetRequiredService<TargetAccountService>()));
        services.AddSingleton(sp => new OrchestrationEngine(
            sp.GetRequiredService<IExecutionRepository>(),
            sp.GetRequiredService<IProtectionGroupRepository>(),
            sp.GetRequiredService<IDrsClientFactory>(),
            sp.GetRequiredService<IEc2ClientFactory>(),
            sp.GetRequiredService<IWorkflowClient>(),
            sp.GetRequiredService<IEventPublisher>(),
            sp.GetRequiredService<TimeProvider>(),
            new EngineOptions(settings.StateMachineArn)));
        services.AddSingleton(sp => new ExecutionCommands(sp.GetRequiredService<OrchestrationEngine>()));
    }

    private static AmazonDynamoDBClient CreateDynamoDbClient(ApiSettings settings)
    {
        if (settings.DynamoDbServiceUrl is { } url)
        {
            // Local twin only: DynamoDB Local accepts any credentials, and the hub's real ones must never be sent to it.
            return new AmazonDynamoDBClient(
                new BasicAWSCredentials("local", "local"),
                new AmazonDynamoDBConfig { ServiceURL = url.ToString(), AuthenticationRegion = settings.Region, MaxErrorRetry = 2 });
        }

        return new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region) });
    }
}
