using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Functions.Api;
using DrsOrchestrator.Functions.Api.Hosting;
using DrsOrchestrator.Tests.Common.Builders;
using DrsOrchestrator.Tests.Common.DynamoDb;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DrsOrchestrator.Bench.Api;

/// <summary>
/// Issue 5's figures: first request through the Lambda entry point against a bare Stream handler, warm
/// p50/p99 of list and get routes with 10,000 executions and 1,000 groups stored, and the handler's own
/// time as a fraction of the DynamoDB time the same reads take. Figures only; nothing asserts on time.
/// </summary>
/// <remarks>
/// Cold start is measured in fresh child processes (<see cref="ApiColdStart"/>), each serving its first
/// request through the Lambda entry point, against a bare Stream handler started the same way.
/// </remarks>
public static class ApiBenchmark
{
    private const int Groups = 1_000;
    private const int Executions = 10_000;
    private const int WarmRequests = 400;
    private const int ColdRuns = 5;
    private const string Hub = "100000000001";
    private const string Spoke = "111111111111";

    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var dynamo = new DynamoDbLocalFixture(new SilentSink());
        await dynamo.InitializeAsync().ConfigureAwait(false);
        try
        {
            await RunOnceAsync(dynamo, output).ConfigureAwait(false);
        }
        finally
        {
            await dynamo.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunOnceAsync(DynamoDbLocalFixture dynamo, TextWriter output)
    {
        var tables = await dynamo.CreateTablesAsync("apibench").ConfigureAwait(false);
        using var db = dynamo.CreateClient();
        var settings = new ApiSettings("us-east-1", "http://127.0.0.1", Hub, tables, new Uri("http://127.0.0.1:9"), dynamo.ServiceUrl)
        {
            StateMachineArn = "arn:aws:states:us-east-1:100000000001:stateMachine:bench",
        };

        var log = new StringWriter();
        var function = new Function(ApiComposition.Build(settings, TextWriter.Synchronized(log), services => services.AddSingleton(db)));

        // Data: 1,000 groups and 10,000 executions through the production repositories.
        var time = TimeProvider.System;
        var persistence = DynamoDbPersistenceOptions.Default(tables);
        var groups = new DynamoDbProtectionGroupRepository(db, persistence, time);
        var executions = new DynamoDbExecutionRepository(db, persistence, time);
        var seeding = Stopwatch.StartNew();
        var groupIds = await SeedAsync(Groups, async i =>
        {
            var id = "pg-bench-" + i.ToString("D5", CultureInfo.InvariantCulture);
            await groups.CreateAsync(new ProtectionGroupBuilder().WithId(id).WithName(id).InAccount(Spoke).InRegion("us-east-1").WithServers("s-" + i.ToString("x17", CultureInfo.InvariantCulture)).Build(), CancellationToken.None).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        var executionIds = await SeedAsync(Executions, async i =>
        {
            var id = "exec-bench-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var plan = new RecoveryPlanBuilder().WithId("plan-bench-" + i.ToString(CultureInfo.InvariantCulture)).WithWave("w1", groupIds[i % groupIds.Count]).Build();
            var execution = Execution.Create(id, plan, ExecutionType.Drill, "bench@example.test", InvocationSource.Api, null, time.GetUtcNow());
            await executions.CreateAsync(execution, [], CancellationToken.None).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        output.WriteLine(Invariant($"seeded {Groups} groups and {Executions} executions in {seeding.Elapsed.TotalSeconds:0.0} s"));

        // Cold: fresh processes against the seeded tables, so the first request reads a real page.
        await ApiColdStart.MeasureAsync(ApiColdStart.ApiEnvironment(tables, dynamo.ServiceUrl, Hub), ColdRuns, output).ConfigureAwait(false);

        // Warm: the Lambda entry point end to end, and the same reads straight through the repositories.
        var random = new Random(5);
        var cases = new (string Name, Func<Task> Api, Func<Task> Store)[]
        {
            ("GET /protection-groups?limit=50",
                () => CallAsync(function, "GET", "/protection-groups", "limit=50"),
                () => groups.ListAsync(new PageRequest(50), CancellationToken.None)),
            ("GET /protection-groups/{id}",
                () => CallAsync(function, "GET", "/protection-groups/" + groupIds[random.Next(groupIds.Count)], null),
                () => groups.GetAsync(groupIds[random.Next(groupIds.Count)], CancellationToken.None)),
            ("GET /executions?limit=50",
                () => CallAsync(function, "GET", "/executions", "limit=50"),
                () => executions.ListAsync(null, new PageRequest(50), CancellationToken.None)),
            ("GET /executions/{id}",
                () => CallAsync(function, "GET", "/executions/" + executionIds[random.Next(executionIds.Count)], null),
                () => executions.GetAsync(executionIds[random.Next(executionIds.Count)], CancellationToken.None)),
        };
        foreach (var (name, api, store) in cases)
        {
            double[] apiTimes;
            try
            {
                apiTimes = await MeasureAsync(api).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                output.WriteLine(log.ToString().Split('\n').LastOrDefault(l => l.Contains("stackTrace", StringComparison.Ordinal)));
                throw;
            }

            var storeTimes = await MeasureAsync(store).ConfigureAwait(false);
            var overhead = (Percentile(apiTimes, 50) - Percentile(storeTimes, 50)) / Percentile(storeTimes, 50);
            output.WriteLine(Invariant(
                $"{name,-34} api p50 {Percentile(apiTimes, 50),7:0.00} ms  p99 {Percentile(apiTimes, 99),7:0.00} ms | dynamodb p50 {Percentile(storeTimes, 50),7:0.00} ms | handler overhead {overhead:P0} of dynamodb time"));
        }
    }

    private static async Task<IReadOnlyList<string>> SeedAsync(int count, Func<int, Task<string>> create)
    {
        var ids = new string[count];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                ids[i] = await create(i).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return ids;
    }

    private static async Task<double[]> MeasureAsync(Func<Task> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call().ConfigureAwait(false);
        }

        var times = new double[WarmRequests];
        for (var i = 0; i < WarmRequests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call().ConfigureAwait(false);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static double Percentile(double[] sorted, int percentile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];

    private static async Task CallAsync(Function function, string method, string path, string? query)
    {
        await using var response = await function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(Event(method, path, query)))).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(response).ConfigureAwait(false);
        if (document.RootElement.GetProperty("statusCode").GetInt32() != 200)
        {
            // A fast error would pass for a fast answer: only successful reads count.
            throw new InvalidOperationException($"{method} {path} answered {document.RootElement.GetProperty("body").GetString()}");
        }
    }

    internal static string Event(string method, string path, string? query)
    {
        var parameters = query is null
            ? "null"
            : "{" + string.Join(',', query.Split('&').Select(p => p.Split('=', 2)).Select(kv => $"\"{kv[0]}\":\"{kv[1]}\"")) + "}";
        return $$$$"""{"path":"{{{{path}}}}","httpMethod":"{{{{method}}}}","queryStringParameters":{{{{parameters}}}},"requestContext":{"requestId":"bench","authorizer":{"claims":{"sub":"bench","email":"bench@example.test","cognito:groups":"DRSReadOnly"}}},"body":null,"isBase64Encoded":false}""";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

#pragma warning disable xUnit3000 // The bench is not a test run: DynamoDbLocalFixture only needs somewhere to write its start lines.
    private sealed class SilentSink : IMessageSink
#pragma warning restore xUnit3000
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }
}
