using System.Text.Json;
using System.Text.RegularExpressions;
using DrsOrchestrator.Aws.Drs;
using DrsOrchestrator.Aws.Wire;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Tests.Conformance;

public sealed class DrsModelConformanceTests
{
    private const string Arn = "arn:aws:drs:us-east-1:111122223333:source-server/s-1234567890abcdef0";
    private static readonly DateTimeOffset From = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ApiModel model = ApiModel.Load("drs");

    /// <summary>Each call fills every optional member the client can send, so every name it writes is on the wire.</summary>
    private static readonly (string Operation, Func<IDrsClient, Task> Call)[] Calls =
    [
        ("StartRecovery", c => c.StartRecoveryAsync(new DrsStartRecoveryRequest([new("s-1", "pit-1"), new("s-2")], true, new Dictionary<string, string> { ["drs-orchestrator:execution"] = "e-1" }), default)),
        ("DescribeJobs", c => c.DescribeJobsAsync(new DrsJobQuery(["drsjob-1"], From, From.AddDays(1), 50, "token"), default)),
        ("DescribeJobLogItems", c => c.DescribeJobLogItemsAsync("drsjob-1", new DrsPageRequest(25, "token"), default)),
        ("DescribeSourceServers", c => c.DescribeSourceServersAsync(new DrsSourceServerQuery(["s-1"], "hw-1", ["111122223333"], 100, "token"), default)),
        ("DescribeRecoveryInstances", c => c.DescribeRecoveryInstancesAsync(new DrsRecoveryInstanceQuery(["i-1"], ["s-1"], 100, "token"), default)),
        ("TerminateRecoveryInstances", c => c.TerminateRecoveryInstancesAsync(["i-1", "i-2"], default)),
        ("GetLaunchConfiguration", c => c.GetLaunchConfigurationAsync("s-1", default)),
        ("UpdateLaunchConfiguration", c => c.UpdateLaunchConfigurationAsync(new DrsLaunchConfigurationUpdate("s-1", "web-1", true, true, "STARTED", "BASIC", true, false, "i-0abc"), default)),
        ("DescribeRecoverySnapshots", c => c.DescribeRecoverySnapshotsAsync(new DrsRecoverySnapshotQuery("s-1", From, From.AddDays(1), false, 10, "token"), default)),
        ("ListTagsForResource", c => c.ListTagsForResourceAsync(Arn, default)),
        ("TagResource", c => c.TagResourceAsync(Arn, new Dictionary<string, string> { ["tier"] = "web" }, default)),
        ("UntagResource", c => c.UntagResourceAsync(Arn, ["tier", "owner"], default)),
    ];

    [Fact]
    public void Operations_EveryOperationTheClientCalls_ExistsWithTheModelsMethodAndUri()
    {
        // Arrange / Act
        var problems = DrsOperations.All
            .Where(op => !model.HasOperation(op.Name) || model.HttpMethod(op.Name) != op.Method.Method || model.RequestUri(op.Name) != op.UriTemplate)
            .Select(op => op.Name)
            .ToList();

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Calls_EveryOperation_SendsMethodUriQueryAndBodyMembersFromTheModel()
    {
        // Arrange
        var handler = new CapturingHandler();
        var client = NewClient(handler);
        var sampler = new ModelSampler(model);
        var checker = new JsonShapeChecker(model);
        var problems = new List<string>();

        // Act
        foreach (var (operation, call) in Calls)
        {
            handler.AnswerBody = model.Output(operation) is { } output ? sampler.Sample(output)!.ToJsonString() : "{}";
            await call(client);
            var sent = handler.Requests[^1];
            problems.AddRange(CheckRequest(operation, sent, checker));
        }

        // Assert
        Assert.Empty(problems);
        Assert.Equal(DrsOperations.All.Select(o => o.Name).Order(), Calls.Select(c => c.Operation).Order());
    }

    [Fact]
    public void OutputTypes_EveryMemberTheClientReads_ExistsInTheModelOutput()
    {
        // Arrange
        var checker = new JsonShapeChecker(model);

        // Act
        var problems = DrsOperations.All
            .Where(op => op.OutputType != typeof(EmptyOutput))
            .SelectMany(op => checker.CheckRead(op.OutputType, model.Output(op.Name) ?? throw new InvalidOperationException($"{op.Name} has no output in the model"), op.Name))
            .ToList();

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public async Task DescribeSourceServers_FullyPopulatedModelAnswer_MapsEveryPortField()
    {
        // Arrange
        var handler = new CapturingHandler();
        handler.AnswerBody = new ModelSampler(model).Sample(model.Output("DescribeSourceServers")!.Value)!.ToJsonString();
        var client = NewClient(handler);

        // Act
        var page = await client.DescribeSourceServersAsync(new DrsSourceServerQuery(), default);

        // Assert: a null here means the client reads a member name the model does not populate.
        var server = Assert.Single(page.Items);
        Assert.All(
            new object?[] { server.Arn, server.Hostname, server.OperatingSystem, server.ReplicationState, server.LastLaunchResult, server.RecoveryInstanceId, server.StagingAccountId, server.RecommendedInstanceType },
            Assert.NotNull);
        Assert.NotEmpty(server.IpAddresses);
        Assert.NotEmpty(server.Tags);
    }

    private List<string> CheckRequest(string operation, CapturedRequest sent, JsonShapeChecker checker)
    {
        var problems = new List<string>();
        if (sent.Method != model.HttpMethod(operation))
        {
            problems.Add($"{operation}: method {sent.Method}, model {model.HttpMethod(operation)}");
        }

        var template = model.RequestUri(operation);
        var pattern = "^" + Regex.Replace(Regex.Escape(template.Split('?')[0]), @"\\\{[^}]+}", "[^/]+") + "$";
        if (!Regex.IsMatch(sent.Url.AbsolutePath, pattern))
        {
            problems.Add($"{operation}: path {sent.Url.AbsolutePath} does not match {template}");
        }

        var input = model.Input(operation);
        var queryNames = input is { } i
            ? ApiModel.Members(i).Where(m => ApiModel.Location(m.Member) == "querystring").Select(m => ApiModel.LocationName(m.Name, m.Member)).ToHashSet()
            : [];
        foreach (var key in sent.Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])))
        {
            if (!queryNames.Contains(key))
            {
                problems.Add($"{operation}: query parameter {key} is not a querystring member");
            }
        }

        if (sent.Body.Length > 0)
        {
            using var body = JsonDocument.Parse(sent.Body);
            problems.AddRange(input is { } shape
                ? checker.CheckSent(body.RootElement, shape, operation)
                : [$"{operation}: sends a body but the model has no input"]);
        }

        return problems;
    }

    private static DrsClient NewClient(CapturingHandler handler) => new(
        "111122223333",
        new AwsWireClient(
            AwsService.Drs,
            "us-east-1",
            new StaticCredentialSource("AKIASIM111122223333", "secret"),
            new AwsClientOptions(new Uri("http://127.0.0.1:9"), RetryOptions.None, HttpClient: new HttpClient(handler)),
            JsonErrorParser.Instance));
}
