using System.Net;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

/// <summary>
/// Every operation the simulator serves, called at the URI and method the official drs-2020-02-26 model
/// declares, must answer with the model's status code and only members the model's output shape declares.
/// </summary>
public sealed class WireConformanceTests
{
    private static readonly ApiModel Drs = ApiModel.Load("drs-2020-02-26.min.json");

    [Fact]
    public async Task AllOperations_CalledPerModel_ReturnModelStatusAndDeclaredMembersOnly()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var servers = harness.Servers();
        var web = servers.First(s => s.Hostname == "orderportal-web-01");
        var start = await Call(client, "StartRecovery", HarnessBody(web.SourceServerId));
        var jobId = start.Json["job"]!["jobID"]!.GetValue<string>();
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var instanceId = harness.Servers().First(s => s.SourceServerId == web.SourceServerId).RecoveryInstanceId!;
        var snapshots = await Call(client, "DescribeRecoverySnapshots", $$$"""{"sourceServerID":"{{{web.SourceServerId}}}","order":"DESC","maxResults":5}""");

        var responses = new List<(string Operation, SimResponse Response)>
        {
            ("StartRecovery", start),
            ("DescribeJobs", await Call(client, "DescribeJobs", $$$"""{"filters":{"jobIDs":["{{{jobId}}}"]}}""")),
            ("DescribeJobLogItems", await Call(client, "DescribeJobLogItems", $$$"""{"jobID":"{{{jobId}}}"}""")),
            ("DescribeSourceServers", await Call(client, "DescribeSourceServers", "{}")),
            ("DescribeRecoveryInstances", await Call(client, "DescribeRecoveryInstances", "{}")),
            ("GetLaunchConfiguration", await Call(client, "GetLaunchConfiguration", $$$"""{"sourceServerID":"{{{web.SourceServerId}}}"}""")),
            ("UpdateLaunchConfiguration", await Call(client, "UpdateLaunchConfiguration", $$$"""{"sourceServerID":"{{{web.SourceServerId}}}","launchDisposition":"STOPPED","licensing":{"osByol":true},"launchIntoInstanceProperties":{"launchIntoEC2InstanceID":"i-0123456789abcdef0"}}""")),
            ("DescribeRecoverySnapshots", snapshots),
            ("TagResource", await Call(client, "TagResource", """{"tags":{"Team":"dr"}}""", web.Arn)),
            ("ListTagsForResource", await Call(client, "ListTagsForResource", null, web.Arn)),
            ("UntagResource", await Call(client, "UntagResource", null, web.Arn, "?tagKeys=Team")),
            ("TerminateRecoveryInstances", await Call(client, "TerminateRecoveryInstances", $$$"""{"recoveryInstanceIDs":["{{{instanceId}}}"]}""")),
        };

        Assert.All(responses, r =>
        {
            Assert.True((int)r.Response.Status == Drs.ResponseCode(r.Operation), $"{r.Operation}: {(int)r.Response.Status} {r.Response.Body}");
            Assert.Empty(Drs.UndeclaredMembers(r.Operation, r.Response.Json));
        });
        Assert.NotEmpty(snapshots.Json["items"]!.AsArray());
    }

    [Fact]
    public async Task ErrorResponse_Validation_CarriesHeaderAndModelMembers()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client().CallAsync("StartRecovery", new { isDrill = "yes", sourceServers = new[] { new { sourceServerID = "s-1" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Equal("fieldValidationFailed", response.Json["reason"]!.GetValue<string>());
        Assert.Equal("isDrill", response.Json["fieldList"]![0]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(response.Json["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StartRecovery_MalformedJson_Returns400CannotParse()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client().SendAsync(HttpMethod.Post, "/StartRecovery", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("cannotParse", response.Json["reason"]!.GetValue<string>());
    }

    private static object HarnessBody(string serverId) => StartRecoveryBody([serverId]);

    private static async Task<SimResponse> Call(SimulatorClient client, string operation, object? body, string? arn = null, string query = "")
    {
        var uri = Drs.RequestUri(operation).Replace("{resourceArn}", arn is null ? "" : Uri.EscapeDataString(arn), StringComparison.Ordinal) + query;
        var json = body switch
        {
            null => Drs.Method(operation) == "POST" ? "{}" : null,
            string text => text,
            _ => System.Text.Json.JsonSerializer.Serialize(body),
        };
        return await client.SendAsync(new HttpMethod(Drs.Method(operation)), uri, json);
    }
}
