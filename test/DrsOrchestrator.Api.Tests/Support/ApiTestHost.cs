using System.Text;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.Orchestration;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;
using DrsOrchestrator.Domain.Ports.Events;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.Functions.Api.Hosting;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Orchestration;
using DrsOrchestrator.Tests.Common.DynamoDb;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;
using Microsoft.Extensions.DependencyInjection;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>
/// The API wired exactly as in production (ApiComposition) against DynamoDB Local and the DRS simulator over
/// HTTP (DRS and STS on one loopback base URL). Executions run on the local workflow runner executing the real
/// state machine definition with the orchestration handler bound in process.
/// </summary>
public sealed class ApiTestHost
{
    public const string HubAccountId = "100000000001";
    public const string AllowedOrigin = "http://127.0.0.1:5173";
    public const string FunctionArn = "arn:aws:lambda:us-east-1:100000000001:function:drs-orchestration";

    /// <summary>Accounts of the simulator's three-tier sample (fake ids); their external ids are in the sample too.</summary>
    public const string SpokeA = "111111111111";
    public const string SpokeB = "222222222222";
    public const string RoleName = "DrsOrchestratorCrossAccountRole";

    private readonly DynamoDbLocalFixture dynamo;

    private ApiTestHost(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator, TableNames tables, ApiPipeline pipeline, StringWriter log, LocalWorkflowRunner runner)
    {
        this.dynamo = dynamo;
        Simulator = simulator;
        Tables = tables;
        Pipeline = pipeline;
        Log = log;
        Runner = runner;
    }

    public TableNames Tables { get; }

    public ApiPipeline Pipeline { get; }

    public StringWriter Log { get; }

    public ApiSimulatorFixture Simulator { get; }

    public LocalWorkflowRunner Runner { get; }

    public static string ExternalIdOf(string accountId) => "sim-external-id-" + accountId;

    public static string RoleArnOf(string accountId) => $"arn:aws:iam::{accountId}:role/{RoleName}";

    public static async Task<ApiTestHost> CreateAsync(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator, string prefix)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentNullException.ThrowIfNull(simulator);
        var tables = await dynamo.CreateTablesAsync(prefix);
        var stateMachineArn = "arn:aws:states:us-east-1:100000000001:stateMachine:" + prefix + "-orchestration";
        var settings = new ApiSettings(DynamoDbLocalFixture.Region, AllowedOrigin, HubAccountId, tables, simulator.BaseAddress, dynamo.ServiceUrl)
        {
            StateMachineArn = stateMachineArn,
        };
        var log = new StringWriter();
        var runner = new LocalWorkflowRunner(TimeProvider.System, new LocalWorkflowRunnerOptions("us-east-1", HubAccountId));
        OrchestrationEngine? engine = null;
        var pipeline = ApiComposition.Build(settings, TextWriter.Synchronized(log), services =>
        {
            // DynamoDB Local keeps one database per access key: use the fixture's client, which created the tables.
            services.AddSingleton(dynamo.CreateClient());
            // The simulator knows the hub by its long-term key AKIASIM<account>.
            services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIASIM" + HubAccountId, "local-simulated-hub-secret"));
            services.AddSingleton<IWorkflowClient>(runner);
            services.AddSingleton<IEventPublisher>(new LocalEventBus());
            services.AddSingleton(sp => engine = new OrchestrationEngine(
                sp.GetRequiredService<IExecutionRepository>(),
                sp.GetRequiredService<IProtectionGroupRepository>(),
                sp.GetRequiredService<IDrsClientFactory>(),
                sp.GetRequiredService<IEc2ClientFactory>(),
                runner,
                sp.GetRequiredService<IEventPublisher>(),
                sp.GetRequiredService<TimeProvider>(),
                new EngineOptions(stateMachineArn)));
        });
        runner.RegisterFunction(FunctionArn, (input, ct) => new OrchestrationHandler(engine ?? throw new InvalidOperationException("The engine is built with the first execution call.")).HandleAsync(input, ct));
        var created = runner.CreateStateMachine(prefix + "-orchestration", OrchestrationStateMachine.BuildDefinition(), new Dictionary<string, string> { [OrchestrationStateMachine.FunctionArnPlaceholder] = FunctionArn });
        if (created != stateMachineArn)
        {
            throw new InvalidOperationException($"The runner named the state machine {created}, not {stateMachineArn}.");
        }

        return new ApiTestHost(dynamo, simulator, tables, pipeline, log, runner);
    }

    public Task<ApiResponse> SendAsync(ApiRequestBuilder request) => Pipeline.HandleAsync(request.Build());

    /// <summary>Every item of every table, in a stable order: equal snapshots mean nothing was written.</summary>
    public async Task<string> SnapshotAsync()
    {
        using var client = dynamo.CreateClient();
        var text = new StringBuilder();
        foreach (var table in new[] { Tables.ProtectionGroups, Tables.RecoveryPlans, Tables.ExecutionHistory, Tables.TargetAccounts, Tables.Locks, Tables.Settings })
        {
            var rows = new List<string>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
                rows.AddRange(page.Items.Select(Describe));
                start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            }
            while (start is not null);

            rows.Sort(StringComparer.Ordinal);
            text.Append(table).Append(':').AppendLine(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var row in rows)
            {
                text.AppendLine(row);
            }
        }

        return text.ToString();
    }

    private static string Describe(Dictionary<string, AttributeValue> item) =>
        string.Join('|', item.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + Value(kv.Value)));

    private static string Value(AttributeValue v) =>
        v.S ?? v.N ?? (v.BOOL is { } b ? b.ToString() : null)
        ?? (v.SS is { Count: > 0 } ss ? string.Join(',', ss.Order(StringComparer.Ordinal)) : null)
        ?? (v.L is { Count: > 0 } l ? "[" + string.Join(',', l.Select(Value)) + "]" : null)
        ?? (v.M is { Count: > 0 } m ? "{" + Describe(m) + "}" : null)
        ?? "?";
}
