using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Aws.Accounts;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Aws.Persistence.Settings;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Functions.ExecutionPoller;
using DrsOrchestrator.Functions.Orchestration.Hosting;
using DrsOrchestrator.Simulator;
using DrsOrchestrator.Simulator.Clock;
using DrsOrchestrator.Simulator.Diagnostics;
using DrsOrchestrator.Simulator.Scenarios;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Tests.Common.Engine;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Orchestration.Tests.Support;

/// <summary>
/// Scheduled tag sync on the local twin: fresh DynamoDB Local tables with the sample fleet's accounts
/// registered, the DRS simulator over HTTP, and a manual virtual clock that moves only when a test says so
/// (the simulator, the signing clients and the tag sync's schedule all read it). Each <see cref="NewPoller"/>
/// is composed as a separate Lambda instance would be: its own DynamoDB and DRS clients.
/// </summary>
internal sealed class TagSyncBed : IAsyncDisposable
{
    public const string HubAccountId = "100000000001";
    public const string Account = "222222222222";
    public const string Region = "us-east-1";
    public const string MarkKey = "SyncMark";
    public static readonly DateTimeOffset StartTime = new(2025, 5, 5, 6, 0, 0, TimeSpan.Zero);

    private readonly DynamoDbLocalFixture _dynamo;
    private readonly List<IDisposable> _owned = [];
    private OrchestrationEngine _engine = null!;
    private LocalWorkflowRunner? _runner;

    private TagSyncBed(DynamoDbLocalFixture dynamo, DrsSimulatorServer server, VirtualClock clock)
    {
        _dynamo = dynamo;
        Server = server;
        Clock = clock;
    }

    public VirtualClock Clock { get; }

    public DrsSimulatorServer Server { get; }

    public DrsSimulator Simulator => Server.Simulator;

    public SettingsService Settings { get; private set; } = null!;

    public EngineSettings EngineSettings { get; private set; } = null!;

    /// <summary>DRS reads and writes the simulator saw, in order (STS calls left out).</summary>
    public IReadOnlyList<CallRecord> DrsCalls => [.. Simulator.Calls.Where(c => c.Operation is "DescribeSourceServers" or "TagResource")];

    public static async Task<TagSyncBed> StartAsync(DynamoDbLocalFixture dynamo)
    {
        var clock = VirtualClock.Manual(StartTime);
        var fleet = ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample);
        var server = await DrsSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = fleet with { Accounts = [.. fleet.Accounts, new ScenarioAccount { AccountId = HubAccountId, Name = "hub" }] },
            Seed = 11,
            Clock = clock,
        });
        var bed = new TagSyncBed(dynamo, server, clock);
        try
        {
            await bed.WireAsync(fleet);
            return bed;
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
    }

    /// <summary>A poller as a fresh Lambda instance composes it (PollerComposition), sharing the bed's tables and clock.</summary>
    public PollerHandler NewPoller()
    {
        var db = _dynamo.CreateClient();
        _owned.Add(db);
        return new PollerHandler(_engine, PollerComposition.CreateTagSync(EngineSettings, db, HubCredentials, new VirtualNowRealTimers(Clock)));
    }

    /// <summary>
    /// Tag sync composed as <see cref="PollerComposition.CreateTagSync"/> does, but calling AWS through
    /// <paramref name="http"/>, so a test can make one endpoint stop answering.
    /// </summary>
    public TagSyncService NewTagSync(HttpClient http)
    {
        var db = _dynamo.CreateClient();
        _owned.Add(db);
        var persistence = DynamoDbPersistenceOptions.Default(EngineSettings.Tables);
        var accounts = new DynamoDbTargetAccountRepository(db, persistence);
        var client = new AwsClientOptions(ServiceUrl: Server.BaseAddress, HttpClient: http, TimeProvider: new VirtualNowRealTimers(Clock));
        var credentials = new AccountCredentials(new CrossAccountOptions(HubAccountId, HubCredentials, Region, client), new RepositoryAccountAccessResolver(accounts));
        _owned.Add(credentials);
        return new TagSyncService(Settings, accounts, new CrossAccountDrsClientFactory(credentials, client), Clock);
    }

    /// <summary>Drops the target-accounts table, so a run cannot list the accounts and fails as a whole.</summary>
    public async Task DropTargetAccountsTableAsync()
    {
        using var db = _dynamo.CreateClient();
        await db.DeleteTableAsync(EngineSettings.Tables.TargetAccounts);
    }

    /// <summary>One rule: servers of the Payments application get <see cref="MarkKey"/> = <paramref name="mark"/>.</summary>
    public async Task SaveTagSyncAsync(bool enabled, int intervalHours, string mark)
    {
        var current = await Settings.GetTagSyncAsync(CancellationToken.None);
        var rule = new TagSyncRule([new TagCriterion("Application", "Payments")], new Dictionary<string, string> { [MarkKey] = mark });
        await Settings.PutTagSyncAsync(new TagSyncSettings(enabled, intervalHours, [rule]), current.Version, "admin@example.test", CancellationToken.None);
    }

    /// <summary>The mark each Payments server carries in DRS (null where it has none).</summary>
    public IReadOnlyList<string?> Marks() =>
        [.. Simulator.SourceServersOf(Account, Region)
            .Where(s => s.Tags.TryGetValue("Application", out var application) && application == "Payments")
            .Select(s => s.Tags.GetValueOrDefault(MarkKey))];

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }

        foreach (var disposable in _owned)
        {
            disposable.Dispose();
        }

        await Server.DisposeAsync();
    }

    private static BasicAWSCredentials HubCredentials => new("AKIASIM" + HubAccountId, "hub-secret-local");

    private async Task WireAsync(SimulatorScenario fleet)
    {
        var tables = await _dynamo.CreateTablesAsync("tagsync");
        var db = _dynamo.CreateClient();
        _owned.Add(db);
        var persistence = DynamoDbPersistenceOptions.Default(tables);
        var accounts = new DynamoDbTargetAccountRepository(db, persistence);
        await ScenarioAccounts.RegisterAsync(accounts, fleet, Clock.GetUtcNow());

        Settings = new SettingsService(new DynamoDbSettingsRepository(db, persistence), Clock);
        EngineSettings = new EngineSettings(
            Region, HubAccountId, tables, "arn:aws:states:us-east-1:100000000001:stateMachine:tagsync", "tagsync-events", "drs-orchestrator", 30, Server.BaseAddress, null);

        // The engine serves the finder and launch results, which these tests never send; it is built only
        // because every poller has one.
        var client = new AwsClientOptions(ServiceUrl: Server.BaseAddress, TimeProvider: new VirtualNowRealTimers(Clock));
        var credentials = new AccountCredentials(new CrossAccountOptions(HubAccountId, HubCredentials, Region, client), new RepositoryAccountAccessResolver(accounts));
        _owned.Add(credentials);
        _runner = new LocalWorkflowRunner(Clock);
        _engine = new OrchestrationEngine(
            new DynamoDbExecutionRepository(db, persistence, Clock),
            new DynamoDbProtectionGroupRepository(db, persistence, Clock),
            new CrossAccountDrsClientFactory(credentials, client),
            new CrossAccountEc2ClientFactory(credentials, client),
            _runner,
            new RecordingEventPublisher(),
            Clock,
            new EngineOptions(EngineSettings.StateMachineArn));
    }
}
