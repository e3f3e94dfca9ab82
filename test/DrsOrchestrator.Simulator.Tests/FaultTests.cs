using System.Net;
using DrsOrchestrator.Simulator.Events;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task DescribeJobs_ThrottleRateOne_Returns429WithRetryAfter()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults = harness.Simulator.Faults with { ThrottleRate = 1, ThrottleRetryAfterSeconds = 3 };

        var response = await harness.Client().CallAsync("DescribeJobs");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal("ThrottlingException", response.ErrorType);
        Assert.Equal(3, response.Json["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(TimeSpan.FromSeconds(3), response.RetryAfter);
        Assert.Equal(429, harness.Simulator.Calls.Single().StatusCode);
    }

    [Fact]
    public async Task DescribeJobs_ThrottleRateHalf_ThrottlesRoughlyHalfOfCalls()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults = harness.Simulator.Faults with { ThrottleRate = 0.5 };
        var client = harness.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            statuses.Add((await client.CallAsync("DescribeJobs")).Status);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 30, 70);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task StartRecovery_InternalErrorForThatOperationOnly_Returns500AndOtherOperationsWork()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults = harness.Simulator.Faults with { InternalErrorRate = 1, Operations = ["StartRecovery"] };
        var client = harness.Client();

        var start = await client.CallAsync("StartRecovery", StartRecoveryBody([harness.RecoverableIds()[0]]));
        var describe = await client.CallAsync("DescribeJobs");

        Assert.Equal(HttpStatusCode.InternalServerError, start.Status);
        Assert.Equal("InternalServerException", start.ErrorType);
        Assert.NotNull(start.Json["retryAfterSeconds"]);
        Assert.Equal(HttpStatusCode.OK, describe.Status);
        Assert.Empty(harness.Simulator.JobHistory);
    }

    [Fact]
    public async Task StartRecovery_ChosenServerFails_ServerFailedOthersLaunchedAndFailedEventEmitted()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var servers = harness.Servers().Where(s => s.Hostname.Contains("-web-", StringComparison.Ordinal)).ToList();
        harness.Simulator.Faults = harness.Simulator.Faults with { FailLaunchHostnames = [servers[0].Hostname] };
        var jobId = (await client.CallAsync("StartRecovery", StartRecoveryBody(servers.Select(s => s.SourceServerId)))).Json["job"]!["jobID"]!.GetValue<string>();

        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var job = (await client.CallAsync("DescribeJobs", new { filters = new { jobIDs = new[] { jobId } } })).Json["items"]![0]!;
        var log = (await client.CallAsync("DescribeJobLogItems", new { jobID = jobId })).Json["items"]!.AsArray();

        var statuses = job["participatingServers"]!.AsArray().ToDictionary(p => p!["sourceServerID"]!.GetValue<string>(), p => p!["launchStatus"]!.GetValue<string>());
        Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
        Assert.Equal("FAILED", statuses[servers[0].SourceServerId]);
        Assert.Equal("LAUNCHED", statuses[servers[1].SourceServerId]);
        Assert.Contains(log, i => i!["event"]!.GetValue<string>() == "LAUNCH_FAILED" && i["eventData"]!["sourceServerID"]!.GetValue<string>() == servers[0].SourceServerId);
        var events = harness.Simulator.DeliveredEvents;
        Assert.Equal(LaunchResultEvent.Failed, events.Single(e => e.SourceServerId == servers[0].SourceServerId).State);
        Assert.Equal(2, events.Count(e => e.State == LaunchResultEvent.Succeeded));
    }

    [Fact]
    public async Task LaunchResultEvents_DropForChosenServer_NotDeliveredButRecordedAsDropped()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var ids = harness.Servers().Where(s => s.Hostname.Contains("-web-", StringComparison.Ordinal)).Select(s => s.SourceServerId).ToList();
        harness.Simulator.Faults = harness.Simulator.Faults with { DropEventSourceServerIds = [ids[0]] };

        await harness.Client().CallAsync("StartRecovery", StartRecoveryBody(ids));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.DoesNotContain(harness.Simulator.DeliveredEvents, e => e.SourceServerId == ids[0]);
        Assert.Equal(ids[0], Assert.Single(harness.Simulator.DroppedEvents).SourceServerId);
        Assert.Equal(2, harness.Simulator.DeliveredEvents.Count);
    }

    [Fact]
    public async Task LaunchResultEvents_EventDelay_DeliveredOnlyAfterTheDelay()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var id = harness.Servers().First(s => s.Hostname == "orderportal-web-01").SourceServerId;
        harness.Simulator.Faults = harness.Simulator.Faults with { EventDelay = TimeSpan.FromMinutes(15) };

        await harness.Client().CallAsync("StartRecovery", StartRecoveryBody([id]));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var beforeDelay = harness.Simulator.DeliveredEvents.Count;
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(15));

        Assert.Equal(0, beforeDelay);
        var delivered = Assert.Single(harness.Simulator.DeliveredEvents);
        Assert.Equal(LaunchResultEvent.Succeeded, delivered.State);
    }

    [Fact]
    public async Task AdminFaults_PutOverHttp_ChangesFaultsAtRuntime()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Server.BaseAddress };

        using var put = await http.PutAsync("_sim/faults", new StringContent("""{"throttleRate":1,"throttleRetryAfterSeconds":7}""", System.Text.Encoding.UTF8, "application/json"));
        var response = await harness.Client().CallAsync("DescribeSourceServers");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, harness.Simulator.Faults.ThrottleRate);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal(7, response.Json["retryAfterSeconds"]!.GetValue<int>());
    }
}
