using System.Net;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Tests.Support;
using DrsOrchestrator.Tests.Common.Simulator;
using static DrsOrchestrator.Simulator.Tests.Support.SimulatorHarness;

namespace DrsOrchestrator.Simulator.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task StartRecovery_MoreThan100Servers_Returns402ServiceQuotaExceeded()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorScenarioBuilder().Account(Account1).Region(East).Servers(101).Build());

        var response = await harness.Client().CallAsync("StartRecovery", StartRecoveryBody(harness.RecoverableIds()));

        Assert.Equal((HttpStatusCode)402, response.Status);
        Assert.Equal("ServiceQuotaExceededException", response.ErrorType);
        Assert.Equal("ServiceQuotaExceededException", response.Json["code"]!.GetValue<string>());
        Assert.Equal("drs", response.Json["serviceCode"]!.GetValue<string>());
        Assert.Empty(harness.Simulator.JobHistory);
    }

    [Fact]
    public async Task StartRecovery_MoreThan200Servers_Returns400ValidationException()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorScenarioBuilder().Account(Account1).Region(East).Servers(201).Build());

        var response = await harness.Client().CallAsync("StartRecovery", StartRecoveryBody(harness.RecoverableIds()));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Equal("fieldValidationFailed", response.Json["reason"]!.GetValue<string>());
        Assert.Equal("sourceServers", response.Json["fieldList"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRecovery_TwentyFirstConcurrentJob_Returns402AndHistoryNeverExceeds20()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorScenarioBuilder().Account(Account1).Region(East).Servers(21).Build());
        var client = harness.Client();
        var ids = harness.RecoverableIds();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.CallAsync("StartRecovery", StartRecoveryBody([ids[i]]))).Status);
        }

        var rejected = await client.CallAsync("StartRecovery", StartRecoveryBody([ids[20]]));
        await harness.Simulator.AdvanceAsync(TimeSpan.FromMinutes(10));
        var afterCompletion = await client.CallAsync("StartRecovery", StartRecoveryBody([ids[20]]));

        Assert.Equal((HttpStatusCode)402, rejected.Status);
        Assert.Equal("MaxConcurrentJobs", rejected.Json["quotaCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, afterCompletion.Status);
        Assert.Equal(20, harness.Simulator.MaxConcurrentJobs(Account1, East));
    }

    [Fact]
    public async Task StartRecovery_Over500ServersInActiveJobs_Returns402()
    {
        var scenario = new SimulatorScenarioBuilder().Account(Account1).Region(East).Servers(600).Build();
        await using var harness = await SimulatorHarness.StartAsync(scenario, configure: o => o with { Limits = DrsLimits.Default with { MaxReplicatingServers = 1000 } });
        var client = harness.Client();
        var ids = harness.RecoverableIds();
        for (var batch = 0; batch < 5; batch++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.CallAsync("StartRecovery", StartRecoveryBody(ids.Skip(batch * 100).Take(100)))).Status);
        }

        var response = await client.CallAsync("StartRecovery", StartRecoveryBody(ids.Skip(500).Take(1)));

        Assert.Equal((HttpStatusCode)402, response.Status);
        Assert.Equal("MaxSourceServersInAllActiveJobs", response.Json["quotaCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRecovery_UnknownServer_Returns404ResourceNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client().CallAsync("StartRecovery", StartRecoveryBody(["s-00000000000000000"]));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("s-00000000000000000", response.Json["resourceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRecovery_ArchivedServer_Returns400AndStartsNothing()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var archived = harness.Servers().Single(s => s.IsArchived).SourceServerId;

        var response = await harness.Client().CallAsync("StartRecovery", StartRecoveryBody([archived]));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Empty(harness.Simulator.JobHistory);
    }

    [Fact]
    public async Task StartRecovery_ServerAlreadyInActiveJob_Returns409Conflict()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var client = harness.Client();
        var id = harness.RecoverableIds()[0];
        await client.CallAsync("StartRecovery", StartRecoveryBody([id]));

        var response = await client.CallAsync("StartRecovery", StartRecoveryBody([id]));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("ConflictException", response.ErrorType);
        Assert.Equal(id, response.Json["conflictingSourceServerIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DescribeSourceServers_RegionWithoutDrs_Returns400UninitializedAccount()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client(Account1, "eu-west-1").CallAsync("DescribeSourceServers");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UninitializedAccountException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeJobs_MaxResultsOutOfRange_Returns400()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client().CallAsync("DescribeJobs", new { maxResults = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("maxResults", response.Json["fieldList"]![0]!["name"]!.GetValue<string>());
    }
}
