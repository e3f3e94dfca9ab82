using System.Text.Json;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

/// <summary>
/// Executions end to end: the API starts the real state machine on the local runner, the engine launches
/// on the simulator (its clock stands still, so jobs stay pending while the test steers the run).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExecutionEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private const string Region = "us-east-1";
    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task ExecutionLifecycle_StartPauseCancelReportDelete_BehavesAsAnOperatorExpects()
    {
        // Arrange
        var host = await HostAsync();
        var webs = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Payments", "web").Select(s => s.SourceServerId).ToArray();
        var dbs = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Payments", "db").Select(s => s.SourceServerId).ToArray();
        var g1 = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, dbs);
        var g2 = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, webs);
        var planId = await Fleet.CreatePlanWithAsync(host, ",\"rtoTargetMinutes\":90", g1, g2);

        // Act: start, watch it run, pause, cancel.
        var started = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/recovery-plans/{planId}/execute", """{"type":"DRILL","invocationSource":"CONSOLE"}""").As(Admin)), 202);
        var executionId = started.GetProperty("executionId").GetString()!;
        var second = await host.SendAsync(ApiRequestBuilder.Post("/executions", $$"""{"planId":"{{planId}}","type":"DRILL"}""").As(Admin));
        var running = await WaitForAsync(host, executionId, e => e.GetProperty("status").GetString() == "RUNNING" && e.GetProperty("waves")[0].GetProperty("jobs").GetArrayLength() > 0);
        var listed = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/executions?planId={planId}&status=RUNNING").As(TestCaller.InGroup(RoleGroups.ReadOnly))));
        var activeDelete = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Delete("/executions?ids=" + executionId).As(Admin)));
        var paused = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/executions/{executionId}/pause").As(Admin)), 202);
        var cancelled = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/executions/{executionId}/cancel").As(Admin)), 202);
        var ended = await WaitForAsync(host, executionId, e => e.GetProperty("status").GetString() == "CANCELLED");
        var report = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/executions/{executionId}/report").As(Admin)));
        var logs = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/executions/{executionId}/job-logs").As(Admin)));
        var instances = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/executions/{executionId}/recovery-instances").As(Admin)));
        var deleted = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/executions/delete", $$"""{"ids":["{{executionId}}","exec-never-existed"]}""").As(Admin)));

        // Assert
        Assert.Equal("DRILL", started.GetProperty("type").GetString());
        Assert.Equal("CONSOLE", started.GetProperty("invocationSource").GetString());
        ResponseAssert.Error(second, 409, "PLAN_HAS_ACTIVE_EXECUTION");
        Assert.Equal(dbs.Length, running.GetProperty("waves")[0].GetProperty("servers").GetArrayLength());
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("executionId").GetString() == executionId);
        Assert.Equal("EXECUTION_ACTIVE", activeDelete.GetProperty("refused")[0].GetProperty("code").GetString());
        Assert.True(paused.GetProperty("pauseRequested").GetBoolean());
        Assert.Contains(cancelled.GetProperty("status").GetString(), new[] { "CANCELLING", "CANCELLED" });
        Assert.Equal("CANCELLED", ended.GetProperty("waves")[1].GetProperty("status").GetString());

        Assert.Equal(90, report.GetProperty("rtoTargetMinutes").GetInt32());
        Assert.False(report.GetProperty("rtoMet").GetBoolean());
        var actions = report.GetProperty("operatorActions").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToArray();
        Assert.Contains("PAUSE_REQUESTED", actions);
        Assert.Contains("CANCEL_REQUESTED", actions);
        var jobId = report.GetProperty("waves")[0].GetProperty("jobIds")[0].GetString();
        Assert.False(string.IsNullOrEmpty(jobId));
        Assert.Equal(jobId, logs.GetProperty("jobs")[0].GetProperty("jobId").GetString());
        Assert.Equal(JsonValueKind.Array, instances.GetProperty("items").ValueKind);

        Assert.Equal([executionId], deleted.GetProperty("deleted").EnumerateArray().Select(d => d.GetString()!));
        Assert.Equal(["exec-never-existed"], deleted.GetProperty("notFound").EnumerateArray().Select(d => d.GetString()!));
        ResponseAssert.Error(await host.SendAsync(ApiRequestBuilder.Get("/executions/" + executionId).As(Admin)), 404, "EXECUTION_NOT_FOUND");
    }

    [Fact]
    public async Task StartExecution_RecoveryByDrillOperator_Returns403DrillOnlyAndStartsNothing()
    {
        // Arrange
        var host = await HostAsync();
        var app = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Payments", "app")[0].SourceServerId;
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, [app]);
        var planId = await Fleet.CreatePlanAsync(host, group);
        var before = await host.SnapshotAsync();

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Post("/executions", $$"""{"planId":"{{planId}}","type":"RECOVERY"}""").As(TestCaller.InGroup(RoleGroups.DrillOperator)));

        // Assert
        ResponseAssert.Error(response, 403, "DRILL_ONLY");
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task TerminationStatus_NeverRequested_ReportsNotRequested()
    {
        // Arrange
        var host = await HostAsync();
        var app = Fleet.Servers(host, ApiTestHost.SpokeB, Region, "Payments", "app")[1].SourceServerId;
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, Region, [app]);
        var planId = await Fleet.CreatePlanAsync(host, group);
        var started = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/recovery-plans/{planId}/execute", """{"type":"DRILL","pauseBeforeFirstWave":true}""").As(Admin)), 202);
        var executionId = started.GetProperty("executionId").GetString()!;
        await WaitForAsync(host, executionId, e => e.GetProperty("status").GetString() == "PAUSED");

        // Act
        var status = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/executions/{executionId}/termination-status").As(Admin)));
        var terminateWhileActive = await host.SendAsync(ApiRequestBuilder.Post($"/executions/{executionId}/terminate-instances", "{}").As(Admin));
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/executions/{executionId}/cancel").As(Admin)), 202);
        await WaitForAsync(host, executionId, e => e.GetProperty("status").GetString() == "CANCELLED");

        // Assert
        Assert.Equal("NOT_REQUESTED", status.GetProperty("termination").GetProperty("status").GetString());
        ResponseAssert.Error(terminateWhileActive, 409, "EXECUTION_ACTIVE");
    }

    private static async Task<JsonElement> WaitForAsync(ApiTestHost host, string executionId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var execution = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/executions/" + executionId).As(Admin)));
            if (condition(execution))
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{executionId} never reached the expected state: {execution}");
            await Task.Delay(50);
        }
    }

    private async Task<ApiTestHost> HostAsync()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "executions");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        return host;
    }
}
