using System.Diagnostics;
using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.Local;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Aws.Persistence.Settings;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Accounts;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Iam;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Functions.Api.Hosting;
using DrsOrchestrator.Functions.ExecutionPoller;
using DrsOrchestrator.Functions.Orchestration;
using DrsOrchestrator.Local.Auth;
using DrsOrchestrator.Local.WebConsole;
using DrsOrchestrator.Local.Engine;
using DrsOrchestrator.Local.Seed;
using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrsOrchestrator.Local.Hosting;

/// <summary>
/// The whole product in one process on loopback: DynamoDB Local (child process), the DRS simulator with the
/// sample fleet, the local workflow runner executing the synthesized state machine with the orchestration
/// handler bound in process, the poller, the API (the Lambda's pipeline), local sign-in and the console.
/// Dispose stops everything, the JVM included.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    /// <summary>Table prefix: the names CDK would give a "local" environment.</summary>
    public static readonly TableNames Tables = TableNames.For("drs-orchestrator", "local");

    private readonly List<IAsyncDisposable> _owned;
    private int _disposed;

    private LocalHost(
        Uri baseAddress,
        VirtualClock clock,
        DrsSimulatorServer simulator,
        DynamoDbLocalProcess store,
        LocalWorkflowRunner runner,
        string stateMachineArn,
        List<IAsyncDisposable> owned)
    {
        BaseAddress = baseAddress;
        Clock = clock;
        SimulatorServer = simulator;
        Store = store;
        Runner = runner;
        StateMachineArn = stateMachineArn;
        _owned = owned;
    }

    /// <summary>Where the console and API are served, e.g. http://127.0.0.1:8080/.</summary>
    public Uri BaseAddress { get; }

    public VirtualClock Clock { get; }

    public DrsSimulatorServer SimulatorServer { get; }

    public DrsSimulator Simulator => SimulatorServer.Simulator;

    public DynamoDbLocalProcess Store { get; }

    public LocalWorkflowRunner Runner { get; }

    public string StateMachineArn { get; }

    /// <summary>Starts every component; on any failure, whatever already started is stopped again.</summary>
    /// <exception cref="ArgumentException">The listen address is not loopback.</exception>
    /// <exception cref="DynamoDbLocalUnavailableException">Java or DynamoDB Local is missing or failed.</exception>
    public static async Task<LocalHost> StartAsync(LocalHostOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (!IPAddress.IsLoopback(options.ListenAddress))
        {
            throw new ArgumentException(
                $"Refusing to listen on {options.ListenAddress}: the local host only binds loopback addresses, because local sign-in grants any role to whoever can reach it.",
                nameof(options));
        }

        log = TextWriter.Synchronized(log);
        PinSimulatedIdentity(options.HubAccountId);
        var owned = new List<IAsyncDisposable>();
        var started = Stopwatch.StartNew();
        try
        {
            var root = RepositoryRoot.Find();
            var clock = new VirtualClock(DateTimeOffset.UtcNow, options.TimeScale);
            var scenario = ScenarioLoader.LoadSample(options.Scenario);

            // The JVM is the slow part; the simulator starts while it boots.
            var storeTask = DynamoDbLocalProcess.StartAsync(DynamoDbLocalOptions.ForRepository(root, options.DataDirectory), cancellationToken);
            DrsSimulatorServer simulator;
            try
            {
                simulator = await DrsSimulatorServer.StartAsync(new SimulatorOptions
                {
                    Scenario = scenario with { Accounts = [.. scenario.Accounts, new ScenarioAccount { AccountId = options.HubAccountId, Name = "hub" }] },
                    Clock = clock,
                    ListenAddress = options.ListenAddress,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await DisposeQuietlyAsync(storeTask).ConfigureAwait(false);
                throw;
            }

            owned.Add(simulator);
            var store = await storeTask.ConfigureAwait(false);
            owned.Add(store);
            log.WriteLine($"DynamoDB Local on {store.ServiceUrl} (pid {store.ProcessId}, {(store.DataDirectory is null ? "in memory" : "data in " + store.DataDirectory)}); DRS simulator on {simulator.BaseAddress} (time scale {options.TimeScale.ToString(CultureInfo.InvariantCulture)}x).");

            var dynamo = store.CreateClient(options.Region);
            owned.Add(Owned.Of(dynamo));
            await new TableProvisioner(dynamo).EnsureTablesAsync(Tables, cancellationToken).ConfigureAwait(false);
            var persistence = DynamoDbPersistenceOptions.Default(Tables);
            var executions = new DynamoDbExecutionRepository(dynamo, persistence, clock);
            var groups = new DynamoDbProtectionGroupRepository(dynamo, persistence, clock);
            var plans = new DynamoDbRecoveryPlanRepository(dynamo, persistence, clock);
            var accounts = new DynamoDbTargetAccountRepository(dynamo, persistence);

            // Signing and session expiry follow the simulator's clock (they must agree); timeouts and backoff stay real.
            var client = new AwsClientOptions(ServiceUrl: simulator.BaseAddress, TimeProvider: clock);
            var resolver = new RepositoryAccountAccessResolver(accounts);
            var credentials = new AccountCredentials(
                new CrossAccountOptions(options.HubAccountId, HubCredentials(options.HubAccountId), options.Region, client),
                resolver);
            owned.Add(Owned.Of(credentials));
            var drs = new CrossAccountDrsClientFactory(credentials, client);
            var ec2 = new CrossAccountEc2ClientFactory(credentials, client);
            var iam = new CrossAccountIamClientFactory(credentials, client);
            var events = new LocalEventPublisher(log);

            var runner = new LocalWorkflowRunner(clock, new LocalWorkflowRunnerOptions(options.Region, options.HubAccountId));
            owned.Add(runner);
            var stateMachineArn = $"arn:aws:states:{options.Region}:{options.HubAccountId}:stateMachine:drs-orchestrator-local-orchestration";
            var engine = new OrchestrationEngine(executions, groups, drs, ec2, runner, events, clock, new EngineOptions(stateMachineArn));
            var functionArn = $"arn:aws:lambda:{options.Region}:{options.HubAccountId}:function:drs-orchestrator-local-orchestration";
            runner.RegisterFunction(functionArn, new OrchestrationHandler(engine).HandleAsync);
            var created = runner.CreateStateMachine(
                "drs-orchestrator-local-orchestration",
                OrchestrationStateMachine.BuildDefinition(),
                new Dictionary<string, string> { [OrchestrationStateMachine.FunctionArnPlaceholder] = functionArn });
            if (created != stateMachineArn)
            {
                throw new InvalidOperationException($"The runner named the state machine {created}, not {stateMachineArn}.");
            }

            // Tag sync on the same tables, simulator and virtual clock as the API's "Run now".
            var tagSync = new TagSyncService(new SettingsService(new DynamoDbSettingsRepository(dynamo, persistence), clock), accounts, drs, clock);
            var poller = new LocalPoller(new PollerHandler(engine, tagSync), clock, TimeSpan.FromMinutes(1), PollerHandler.TagSyncTickInterval, log);
            owned.Add(poller);
            owned.Add(Owned.Of(simulator.Simulator.Subscribe(poller.OnLaunchResultAsync)));

            if (options.Seed)
            {
                var seeded = await new SampleDataSeeder(accounts, groups, plans, clock).SeedAsync(scenario, cancellationToken).ConfigureAwait(false);
                if (seeded.Created.Count > 0)
                {
                    log.WriteLine("Seeded: " + string.Join(", ", seeded.Created) + ".");
                }
            }

            var tokens = new LocalTokenService(TimeProvider.System);
            var app = BuildApp(options, root, tokens, log, services =>
            {
                // The API's own wiring, pointed at this process's store, clock, simulator and runner.
                services.AddSingleton<IAmazonDynamoDB>(dynamo);
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IExecutionRepository>(executions);
                services.AddSingleton<IProtectionGroupRepository>(groups);
                services.AddSingleton<IRecoveryPlanRepository>(plans);
                services.AddSingleton<ITargetAccountRepository>(accounts);
                services.AddSingleton<IAccountAccessResolver>(resolver);
                services.AddSingleton<IDrsClientFactory>(drs);
                services.AddSingleton<IEc2ClientFactory>(ec2);
                services.AddSingleton<IIamClientFactory>(iam);
                services.AddSingleton<IWorkflowClient>(runner);
                services.AddSingleton<IEventPublisher>(events);
                services.AddSingleton(engine);
                services.AddSingleton(new ExecutionCommands(engine));
            }, simulator.BaseAddress);
            owned.Add(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.TrimEnd('/') + "/");
            log.WriteLine($"Ready in {started.Elapsed.TotalSeconds:0.0} s.");
            return new LocalHost(baseAddress, clock, simulator, store, runner, stateMachineArn, owned);
        }
        catch
        {
            await DisposeAllAsync(owned).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeAllAsync(_owned).ConfigureAwait(false);
        }
    }

    private static WebApplication BuildApp(LocalHostOptions options, string root, LocalTokenService tokens, TextWriter log, Action<IServiceCollection> overrides, Uri simulatorUrl)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.ListenAddress, options.Port));
        var app = builder.Build();

        var origin = options.Port == 0 ? "http://127.0.0.1" : $"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}";
        var settings = new ApiSettings(options.Region, origin, options.HubAccountId, Tables, simulatorUrl, null);
        var pipeline = ApiComposition.Build(settings, log, overrides);
        app.MapDrsApi(pipeline, new LocalClaimsSource(tokens));
        app.MapLocalAuth(tokens);
        app.UseConsole(options.ConsoleDirectory ?? Path.Combine(root, "frontend", "dist"), new ConsoleConfig(options.Region, "/api", "", "", "local"));
        return app;
    }

    /// <summary>
    /// Anything in this process that resolves AWS credentials from the environment gets the simulated hub's
    /// keys, and instance metadata (a non-loopback address) is never probed: real keys can never leave for
    /// the simulator, and nothing here can reach AWS by accident.
    /// </summary>
    private static void PinSimulatedIdentity(string hubAccountId)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIASIM" + hubAccountId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", HubSecret);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
    }

    private const string HubSecret = "local-simulated-hub-secret";

    private static BasicAWSCredentials HubCredentials(string hubAccountId) => new("AKIASIM" + hubAccountId, HubSecret);

    private static async Task DisposeQuietlyAsync(Task<DynamoDbLocalProcess> storeTask)
    {
        try
        {
            await (await storeTask.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DynamoDbLocalUnavailableException or OperationCanceledException)
        {
            // Already failed: nothing to stop.
        }
    }

    private static async Task DisposeAllAsync(List<IAsyncDisposable> owned)
    {
        // Reverse start order: the web app stops taking requests before the engine's parts go away.
        foreach (var disposable in Enumerable.Reverse(owned))
        {
            try
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Keep stopping the rest: a half-stopped host must still not leave the JVM running.
                Console.Error.WriteLine($"While stopping {disposable.GetType().Name}: {ex.Message}");
            }
        }
    }

    private sealed class Owned(IDisposable inner) : IAsyncDisposable
    {
        public static IAsyncDisposable Of(IDisposable inner) => new Owned(inner);

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
