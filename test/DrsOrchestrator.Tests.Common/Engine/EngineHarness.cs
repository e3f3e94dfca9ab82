using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Functions.ExecutionPoller;
using DrsOrchestrator.Functions.Orchestration;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Faults;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>
/// The whole engine on the local twin: DynamoDB Local tables, the DRS simulator over HTTP on a scaled
/// virtual clock, the local runner executing the real state machine definition (on the same clock) with
/// the orchestration handler bound in process, the poller fed by the simulator's launch-result events,
/// and spoke accounts registered in the target-accounts table as an operator would (POST /accounts).
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public const string HubAccountId = "100000000001";
    public const string FunctionArn = "arn:aws:lambda:us-east-1:100000000001:function:drs-orchestration";
    public static readonly DateTimeOffset StartTime = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly ConcurrentQueue<Exception> _pollerErrors = new();
    private readonly List<IDisposable> _disposables = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    private EngineHarness(DrsSimulatorServer server, VirtualClock clock)
    {
        Server = server;
        Clock = clock;
    }

    public DrsSimulatorServer Server { get; }

    public DrsSimulator Simulator => Server.Simulator;

    public VirtualClock Clock { get; }

    public LocalWorkflowRunner Runner { get; private set; } = null!;

    public OrchestrationEngine Engine { get; private set; } = null!;

    public ExecutionCommands Commands { get; private set; } = null!;

    public DynamoDbExecutionRepository Executions { get; private set; } = null!;

    public DynamoDbProtectionGroupRepository Groups { get; private set; } = null!;

    public DynamoDbTargetAccountRepository Accounts { get; private set; } = null!;

    public RecordingEventPublisher Events { get; } = new();

    public CrashAfterStartRecovery CrashInjector { get; private set; } = null!;

    public string StateMachineArn { get; private set; } = "";

    /// <summary>The EC2 clients the engine uses (through the spoke roles), for a test that builds a second engine.</summary>
    public IEc2ClientFactory Ec2 { get; private set; } = null!;

    public IReadOnlyList<Exception> PollerErrors => [.. _pollerErrors];

    /// <param name="scale">Virtual seconds per real second: a 5-minute Linux launch takes 0.5 s at 600.</param>
    public static async Task<EngineHarness> StartAsync(
        DynamoDbLocalFixture dynamo,
        SimulatorScenario? scenario = null,
        FaultSettings? faults = null,
        double scale = 600,
        DrsOrchestrator.Simulator.Engine.DrsLimits? simulatorLimits = null,
        int awaitTimeoutSeconds = 300)
    {
        var clock = new VirtualClock(StartTime, scale);
        var fleet = scenario ?? ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample);
        var server = await DrsSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = fleet with { Accounts = [.. fleet.Accounts, new ScenarioAccount { AccountId = HubAccountId, Name = "hub" }] },
            Seed = 7,
            Clock = clock,
            Faults = faults ?? FaultSettings.None,
            Limits = simulatorLimits ?? DrsOrchestrator.Simulator.Engine.DrsLimits.Default,
        });
        var harness = new EngineHarness(server, clock);
        await harness.WireAsync(dynamo, fleet, awaitTimeoutSeconds);
        return harness;
    }

    public SimulatorScenario Scenario { get; private set; } = null!;

    /// <summary>Stores a protection group of explicit servers (or of tag criteria) through the production repository.</summary>
    public async Task<ProtectionGroup> CreateGroupAsync(string name, string accountId, string region, IEnumerable<string>? serverIds = null, params (string Key, string Value)[] tags)
    {
        var builder = new ProtectionGroupBuilder().WithId("pg-" + Guid.NewGuid().ToString("N")).WithName(name + "-" + Guid.NewGuid().ToString("N")[..6]).InAccount(accountId).InRegion(region).At(Clock.GetUtcNow());
        builder = serverIds is not null ? builder.WithServers(serverIds) : builder.WithTags(tags);
        return await Groups.CreateAsync(builder.Build(), CancellationToken.None);
    }

    public IReadOnlyList<string> ServerIds(string accountId, string region, Func<string, bool>? hostname = null) =>
        [.. Simulator.SourceServersOf(accountId, region).Where(s => !s.IsArchived && (hostname is null || hostname(s.Hostname))).Select(s => s.SourceServerId)];

    public Task<StartExecutionResult> StartAsync(RecoveryPlan plan, ExecutionType type = ExecutionType.Drill, bool pauseBeforeFirstWave = false) =>
        Commands.StartAsync(new StartExecutionRequest(plan, type, "operator@example.com", InvocationSource.Api, pauseBeforeFirstWave), CancellationToken.None);

    public async Task<Execution> LoadAsync(string executionId) =>
        await Executions.GetAsync(executionId, CancellationToken.None) ?? throw new InvalidOperationException($"{executionId} is gone.");

    public string WorkflowArnOf(Execution execution) =>
        execution.Record.WorkflowExecutionArn ?? $"arn:aws:states:us-east-1:000000000000:execution:drs-orchestration:{execution.ExecutionId}";

    /// <summary>Waits in real time for the workflow to end, then returns the stored execution.</summary>
    public async Task<Execution> RunToEndAsync(Execution execution, TimeSpan? timeout = null)
    {
        var description = await Runner.WaitForCompletionAsync(WorkflowArnOf(execution), timeout ?? TimeSpan.FromSeconds(60));
        _ = description;
        return await LoadAsync(execution.ExecutionId);
    }

    /// <summary>Polls the stored execution (real time) until <paramref name="condition"/> holds.</summary>
    public async Task<Execution> WaitUntilAsync(string executionId, Func<Execution, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var execution = await LoadAsync(executionId);
            if (condition(execution))
            {
                return execution;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{executionId} is {execution.Status} (waves: {string.Join(", ", execution.Waves.Select(w => w.Status))}); the condition never held.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _events.Writer.TryComplete();
        await _pump;
        await Runner.DisposeAsync();
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await Server.DisposeAsync();
        _stop.Dispose();
    }

    private async Task WireAsync(DynamoDbLocalFixture dynamo, SimulatorScenario fleet, int awaitTimeoutSeconds)
    {
        Scenario = fleet;
        var tables = await dynamo.CreateTablesAsync("eng");
        var db = dynamo.CreateClient();
        _disposables.Add(db);
        var persistence = DynamoDbPersistenceOptions.Default(tables);
        Executions = new DynamoDbExecutionRepository(db, persistence, Clock);
        Groups = new DynamoDbProtectionGroupRepository(db, persistence, Clock);

        Accounts = new DynamoDbTargetAccountRepository(db, persistence);
        await ScenarioAccounts.RegisterAsync(Accounts, fleet, Clock.GetUtcNow());

        var client = new AwsClientOptions(Server.BaseAddress, new RetryOptions(MaxAttempts: 5, BaseDelay: TimeSpan.FromMilliseconds(5)), TimeSpan.FromSeconds(30), TimeProvider: new VirtualNowRealTimers(Clock));
        var credentials = new AccountCredentials(
            new CrossAccountOptions(HubAccountId, new BasicAWSCredentials("AKIASIM" + HubAccountId, "hub-secret-local"), "us-east-1", client),
            new RepositoryAccountAccessResolver(Accounts));
        _disposables.Add(credentials);
        CrashInjector = new CrashAfterStartRecovery(new CrossAccountDrsClientFactory(credentials, client));

        Runner = new LocalWorkflowRunner(Clock);
        var definition = OrchestrationStateMachine.BuildDefinition(new OrchestrationStateMachineOptions(AwaitWaveTimeoutSeconds: awaitTimeoutSeconds));
        StateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:drs-orchestration";
        Ec2 = new CrossAccountEc2ClientFactory(credentials, client);
        Engine = new OrchestrationEngine(Executions, Groups, CrashInjector, Ec2, Runner, Events, Clock, new EngineOptions(StateMachineArn, CapacityWaitSeconds: 30));
        var handler = new OrchestrationHandler(Engine);
        Runner.RegisterFunction(FunctionArn, handler.HandleAsync);
        var arn = Runner.CreateStateMachine("drs-orchestration", definition, new Dictionary<string, string> { [OrchestrationStateMachine.FunctionArnPlaceholder] = FunctionArn });
        if (arn != StateMachineArn)
        {
            throw new InvalidOperationException($"Runner named the state machine {arn}.");
        }

        Commands = new ExecutionCommands(Engine);
        var poller = new PollerHandler(Engine);
        _disposables.Add(Simulator.Subscribe((e, _) =>
        {
            _events.Writer.TryWrite(e.ToEventBridgeJson());
            return Task.CompletedTask;
        }));
        _pump = Task.Run(() => PumpAsync(poller));
    }

    /// <summary>Feeds launch-result events to the poller in batches, as an SQS-buffered rule target would.</summary>
    private async Task PumpAsync(PollerHandler poller)
    {
        try
        {
            while (await _events.Reader.WaitToReadAsync(_stop.Token))
            {
                var batch = new JsonArray();
                while (_events.Reader.TryRead(out var envelope))
                {
                    batch.Add(envelope);
                }

                try
                {
                    await poller.HandleAsync(batch, _stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _pollerErrors.Enqueue(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
