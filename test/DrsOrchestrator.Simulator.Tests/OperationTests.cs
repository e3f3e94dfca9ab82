using System.Net;
using System.Text.Json.Nodes;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class OperationTests
{
    [Fact]
    public async Task DescribeSourceServers_PagedByThree_ReturnsEveryServerOnce()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var page = await client.CallAsync("DescribeSourceServers", token is null ? new { maxResults = 3 } : new { maxResults = 3, nextToken = token });
            seen.AddRange(page.Json["items"]!.AsArray().Select(s => s!["sourceServerID"]!.GetValue<string>()));
            token = page.Json["nextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(harness.Servers().Select(s => s.SourceServerId), seen);
        Assert.Equal((seen.Count + 2) / 3, pages);
    }

    [Fact]
    public async Task DescribeSourceServers_InvalidNextToken_Returns400()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client().CallAsync("DescribeSourceServers", new { nextToken = "garbage!" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeSourceServers_Server_CarriesHostnameIpsOsTagsAndReplication()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var expected = harness.Servers(Account2, West).First(s => s.ReplicationState == "STALLED");

        var response = await harness.Client(Account2, West).CallAsync("DescribeSourceServers", new { filters = new { sourceServerIDs = new[] { expected.SourceServerId } } });

        var server = Assert.Single(response.Json["items"]!.AsArray())!;
        Assert.Equal(expected.Hostname, server["sourceProperties"]!["identificationHints"]!["hostname"]!.GetValue<string>());
        Assert.Equal(expected.Ips[0], server["sourceProperties"]!["networkInterfaces"]![0]!["ips"]![0]!.GetValue<string>());
        Assert.Equal(expected.OsFullString, server["sourceProperties"]!["os"]!["fullString"]!.GetValue<string>());
        Assert.Equal("Reporting", server["tags"]!["Application"]!.GetValue<string>());
        Assert.Equal("STALLED", server["dataReplicationInfo"]!["dataReplicationState"]!.GetValue<string>());
        Assert.Equal("PT1H30M", server["dataReplicationInfo"]!["lagDuration"]!.GetValue<string>());
        Assert.Equal("NOT_STARTED", server["lastLaunchResult"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateLaunchConfiguration_PartialUpdate_ChangesOnlyGivenMembers()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var id = harness.RecoverableIds()[0];
        var before = await client.CallAsync("GetLaunchConfiguration", new { sourceServerID = id });

        var update = await client.CallAsync("UpdateLaunchConfiguration", new { sourceServerID = id, copyPrivateIp = true, targetInstanceTypeRightSizingMethod = "NONE" });
        var after = await client.CallAsync("GetLaunchConfiguration", new { sourceServerID = id });

        Assert.Equal(HttpStatusCode.OK, update.Status);
        Assert.True(after.Json["copyPrivateIp"]!.GetValue<bool>());
        Assert.Equal("NONE", after.Json["targetInstanceTypeRightSizingMethod"]!.GetValue<string>());
        Assert.Equal(before.Json["launchDisposition"]!.GetValue<string>(), after.Json["launchDisposition"]!.GetValue<string>());
        Assert.Equal(before.Json["ec2LaunchTemplateID"]!.GetValue<string>(), after.Json["ec2LaunchTemplateID"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateLaunchConfiguration_InvalidDisposition_Returns400AndKeepsConfiguration()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var id = harness.RecoverableIds()[0];

        var response = await client.CallAsync("UpdateLaunchConfiguration", new { sourceServerID = id, launchDisposition = "SOMETIMES" });
        var after = await client.CallAsync("GetLaunchConfiguration", new { sourceServerID = id });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("STARTED", after.Json["launchDisposition"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRecovery_WithRecoverySnapshot_LogsUsingPreviousSnapshot()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var id = harness.RecoverableIds()[0];
        var snapshot = (await client.CallAsync("DescribeRecoverySnapshots", new { sourceServerID = id, order = "DESC", maxResults = 1 })).Json["items"]![0]!["snapshotID"]!.GetValue<string>();

        var start = await client.CallAsync("StartRecovery", new { isDrill = true, sourceServers = new[] { new { sourceServerID = id, recoverySnapshotID = snapshot } } });
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(30));
        var log = await client.CallAsync("DescribeJobLogItems", new { jobID = start.Json["job"]!["jobID"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.Accepted, start.Status);
        var events = log.Json["items"]!.AsArray().Select(i => i!["event"]!.GetValue<string>()).ToList();
        Assert.Contains("USING_PREVIOUS_SNAPSHOT", events);
        Assert.DoesNotContain("SNAPSHOT_START", events);
    }

    [Fact]
    public async Task UntagResource_TagKeysQuery_RemovesOnlyThoseKeys()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var arn = harness.Servers()[0].Arn;
        var path = "/tags/" + Uri.EscapeDataString(arn);
        await client.SendAsync(HttpMethod.Post, path, """{"tags":{"A":"1","B":"2"}}""");

        var untag = await client.SendAsync(HttpMethod.Delete, path + "?tagKeys=A&tagKeys=Tier", null);
        var tags = (await client.SendAsync(HttpMethod.Get, path, null)).Json["tags"]!.AsObject();

        Assert.Equal(HttpStatusCode.OK, untag.Status);
        Assert.False(tags.ContainsKey("A"));
        Assert.False(tags.ContainsKey("Tier"));
        Assert.Equal("2", tags["B"]!.GetValue<string>());
        Assert.Equal("OrderPortal", tags["Application"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListTagsForResource_OtherAccountsArn_Returns404()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var foreignArn = harness.Servers(Account2, East)[0].Arn;

        var response = await harness.Client(Account1, East).SendAsync(HttpMethod.Get, "/tags/" + Uri.EscapeDataString(foreignArn), null);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task StartAsync_NonLoopbackAddress_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => DrsSimulatorServer.StartAsync(new SimulatorOptions { ListenAddress = IPAddress.Any }));
    }

    [Fact]
    public async Task AdminClockAdvance_OverHttp_MovesJobsAlong()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Server.BaseAddress };
        await harness.Client().CallAsync("StartRecovery", StartRecoveryBody([harness.Servers().First(s => s.Hostname == "orderportal-web-01").SourceServerId]));

        using var advance = await http.PostAsync("_sim/clock/advance", new StringContent("""{"seconds":600}""", System.Text.Encoding.UTF8, "application/json"));
        var history = JsonNode.Parse(await http.GetStringAsync("_sim/jobs"))!.AsArray();

        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.NotNull(Assert.Single(history)!["ended"]);
    }
}
