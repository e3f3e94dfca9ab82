using System.Net;
using DrsOrchestrator.Simulator.Tests.Support;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class JobLifecycleTests
{
    [Fact]
    public async Task StartRecovery_ValidServers_Returns202WithPendingJob()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var ids = harness.Servers().Where(s => s.Hostname.Contains("-web-", StringComparison.Ordinal)).Select(s => s.SourceServerId).ToList();

        var response = await harness.Client().CallAsync("StartRecovery", StartRecoveryBody(ids, tags: new Dictionary<string, string> { ["ExecutionId"] = "exec-1" }));

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var job = response.Json["job"]!;
        Assert.Matches("^drsjob-[0-9a-zA-Z]{17}$", job["jobID"]!.GetValue<string>());
        Assert.Equal("PENDING", job["status"]!.GetValue<string>());
        Assert.Equal("LAUNCH", job["type"]!.GetValue<string>());
        Assert.Equal("START_DRILL", job["initiatedBy"]!.GetValue<string>());
        Assert.Equal("exec-1", job["tags"]!["ExecutionId"]!.GetValue<string>());
        Assert.Equal($"arn:aws:drs:{East}:{Account1}:job/{job["jobID"]}", job["arn"]!.GetValue<string>());
        Assert.All(job["participatingServers"]!.AsArray(), p => Assert.Equal("PENDING", p!["launchStatus"]!.GetValue<string>()));
        Assert.Equal(ids, job["participatingServers"]!.AsArray().Select(p => p!["sourceServerID"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DescribeJobs_LinuxDrillOnManualClock_MovesPendingStartedCompletedWithLaunchedServers()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var ids = harness.Servers().Where(s => s.Os == "LINUX" && !s.IsArchived).Select(s => s.SourceServerId).ToList();
        var jobId = (await client.CallAsync("StartRecovery", StartRecoveryBody(ids))).Json["job"]!["jobID"]!.GetValue<string>();

        await harness.Simulator.AdvanceAsync(TimeSpan.FromSeconds(15));
        var started = await DescribeJob(client, jobId);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(2));
        var inProgress = await DescribeJob(client, jobId);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var completed = await DescribeJob(client, jobId);

        Assert.Equal("STARTED", started["status"]!.GetValue<string>());
        Assert.All(inProgress["participatingServers"]!.AsArray(), p => Assert.Equal("IN_PROGRESS", p!["launchStatus"]!.GetValue<string>()));
        Assert.Equal("COMPLETED", completed["status"]!.GetValue<string>());
        Assert.NotNull(completed["endDateTime"]);
        Assert.All(completed["participatingServers"]!.AsArray(), p =>
        {
            Assert.Equal("LAUNCHED", p!["launchStatus"]!.GetValue<string>());
            Assert.StartsWith("i-", p["recoveryInstanceID"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DescribeJobLogItems_CompletedLinuxJob_ListsStagesInOrder()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var serverId = harness.Servers().First(s => s.Hostname == "orderportal-web-01").SourceServerId;
        var jobId = (await client.CallAsync("StartRecovery", StartRecoveryBody([serverId]))).Json["job"]!["jobID"]!.GetValue<string>();
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        var log = await client.CallAsync("DescribeJobLogItems", new { jobID = jobId });

        var events = log.Json["items"]!.AsArray().Select(i => i!["event"]!.GetValue<string>()).ToList();
        Assert.Equal(["JOB_START", "SNAPSHOT_START", "SNAPSHOT_END", "CONVERSION_START", "CONVERSION_END", "LAUNCH_START", "JOB_END"], events);
        var times = log.Json["items"]!.AsArray().Select(i => DateTimeOffset.Parse(i!["logDateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        var total = times[^1] - times[0];
        Assert.InRange(total, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task StartRecovery_WindowsServer_CompletesInAboutTwentyVirtualMinutes()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var serverId = harness.Servers().First(s => s.Os == "WINDOWS").SourceServerId;
        var jobId = (await client.CallAsync("StartRecovery", StartRecoveryBody([serverId]))).Json["job"]!["jobID"]!.GetValue<string>();

        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(14));
        var before = await DescribeJob(client, jobId);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(12));
        var after = await DescribeJob(client, jobId);

        Assert.Equal("STARTED", before["status"]!.GetValue<string>());
        Assert.Equal("COMPLETED", after["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task DescribeRecoveryInstances_AfterLaunch_ListsRunningInstancesAndSourceServerPointsAtThem()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var serverId = harness.Servers().First(s => s.Hostname == "orderportal-app-01").SourceServerId;
        var jobId = (await client.CallAsync("StartRecovery", StartRecoveryBody([serverId]))).Json["job"]!["jobID"]!.GetValue<string>();
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        var instances = await client.CallAsync("DescribeRecoveryInstances", new { filters = new { sourceServerIDs = new[] { serverId } } });
        var source = await client.CallAsync("DescribeSourceServers", new { filters = new { sourceServerIDs = new[] { serverId } } });

        var instance = Assert.Single(instances.Json["items"]!.AsArray())!;
        Assert.Equal("RUNNING", instance["ec2InstanceState"]!.GetValue<string>());
        Assert.Equal(jobId, instance["jobID"]!.GetValue<string>());
        Assert.True(instance["isDrill"]!.GetValue<bool>());
        var server = Assert.Single(source.Json["items"]!.AsArray())!;
        Assert.Equal("SUCCEEDED", server["lastLaunchResult"]!.GetValue<string>());
        Assert.Equal(instance["recoveryInstanceID"]!.GetValue<string>(), server["recoveryInstanceId"]!.GetValue<string>());
        Assert.Equal(jobId, server["lifeCycle"]!["lastLaunch"]!["initiated"]!["jobID"]!.GetValue<string>());
        Assert.Equal("DRILL", server["lifeCycle"]!["lastLaunch"]!["initiated"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TerminateRecoveryInstances_LaunchedDrill_CreatesTerminateJobThatRemovesInstances()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var ids = harness.Servers().Where(s => s.Hostname.Contains("-web-", StringComparison.Ordinal)).Select(s => s.SourceServerId).ToList();
        await client.CallAsync("StartRecovery", StartRecoveryBody(ids));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var instanceIds = (await client.CallAsync("DescribeRecoveryInstances")).Json["items"]!.AsArray().Select(i => i!["recoveryInstanceID"]!.GetValue<string>()).ToList();

        var terminate = await client.CallAsync("TerminateRecoveryInstances", new { recoveryInstanceIDs = instanceIds });
        var terminateJobId = terminate.Json["job"]!["jobID"]!.GetValue<string>();
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(3));
        var job = await DescribeJob(client, terminateJobId);
        var remaining = await client.CallAsync("DescribeRecoveryInstances");

        Assert.Equal(HttpStatusCode.OK, terminate.Status);
        Assert.Equal("TERMINATE", terminate.Json["job"]!["type"]!.GetValue<string>());
        Assert.Equal("TERMINATE_RECOVERY_INSTANCES", terminate.Json["job"]!["initiatedBy"]!.GetValue<string>());
        Assert.Equal(3, instanceIds.Count);
        Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
        Assert.All(job["participatingServers"]!.AsArray(), p => Assert.Equal("TERMINATED", p!["launchStatus"]!.GetValue<string>()));
        Assert.Empty(remaining.Json["items"]!.AsArray());
    }

    [Fact]
    public async Task StartRecovery_SecondLaunchOfSameServer_ReplacesPreviousRecoveryInstance()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var serverId = harness.Servers().First(s => s.Hostname == "orderportal-web-02").SourceServerId;
        await client.CallAsync("StartRecovery", StartRecoveryBody([serverId]));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));

        await client.CallAsync("StartRecovery", StartRecoveryBody([serverId], isDrill: false));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var instances = await client.CallAsync("DescribeRecoveryInstances");

        var instance = Assert.Single(instances.Json["items"]!.AsArray())!;
        Assert.False(instance["isDrill"]!.GetValue<bool>());
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> DescribeJob(SimulatorClient client, string jobId)
    {
        var response = await client.CallAsync("DescribeJobs", new { filters = new { jobIDs = new[] { jobId } } });
        return Assert.Single(response.Json["items"]!.AsArray())!;
    }
}
