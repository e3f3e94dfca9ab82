using System.Text.Json;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class RecoveryPlanEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task CreateRecoveryPlan_ValidWaves_Returns201AndGetReturnsTheSamePlan()
    {
        // Arrange
        var host = await HostAsync();
        var servers = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "db");
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [servers[0].SourceServerId]);
        var body = $$"""{"name":"orders-{{Guid.NewGuid():N}}","rtoTargetMinutes":60,"rpoTargetMinutes":15,"waves":[{"name":"db","protectionGroupIds":["{{group}}"],"defaultCriticality":"OPTIONAL"}]}""";

        // Act
        var created = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", body).As(Admin)), 201);
        var planId = created.GetProperty("planId").GetString()!;
        var fetched = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/recovery-plans/" + planId).As(TestCaller.InGroup(RoleGroups.ReadOnly))));

        // Assert
        Assert.Equal(1, fetched.GetProperty("version").GetInt64());
        Assert.Equal(60, fetched.GetProperty("rtoTargetMinutes").GetInt32());
        Assert.Equal("OPTIONAL", fetched.GetProperty("waves")[0].GetProperty("defaultCriticality").GetString());
        Assert.Equal(group, fetched.GetProperty("waves")[0].GetProperty("protectionGroupIds")[0].GetString());
    }

    [Theory]
    [InlineData("""[{"name":"a","protectionGroupIds":["pg-does-not-exist"]}]""", "UNKNOWN_PROTECTION_GROUP")]
    [InlineData("""[]""", "PLAN_HAS_NO_WAVES")]
    [InlineData("""[{"name":"a","protectionGroupIds":["GROUP"],"dependsOn":["b"]},{"name":"b","protectionGroupIds":["GROUP2"]}]""", "WAVE_FORWARD_DEPENDENCY")]
    [InlineData("""[{"name":"a","protectionGroupIds":["GROUP"],"pauseBefore":true}]""", "FIRST_WAVE_PAUSE")]
    public async Task CreateRecoveryPlan_BrokenRule_Returns422WithStableCodeAndStoresNothing(string waves, string code)
    {
        // Arrange: a host per case, since each case claims the same servers.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "plans-rule-" + code.ToLowerInvariant());
        var servers = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "app");
        var g1 = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [servers[0].SourceServerId]);
        var g2 = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [servers[1].SourceServerId]);
        var body = $$"""{"name":"bad-{{Guid.NewGuid():N}}","waves":{{waves.Replace("GROUP2", g2, StringComparison.Ordinal).Replace("GROUP", g1, StringComparison.Ordinal)}}}""";
        var before = await host.SnapshotAsync();

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", body).As(Admin));

        // Assert
        ResponseAssert.Error(response, 422, code);
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task CreateRecoveryPlan_MoreDistinctGroupsThanOneWriteHolds_Returns422LimitExceededWithTheOtherProblems()
    {
        // Arrange: one wave per group, one group past the limit, none of them stored; the domain reports
        // the limit with every other problem, before the repository is asked to write anything.
        var host = await HostAsync();
        var waves = string.Join(',', Enumerable.Range(0, RecoveryPlanLimits.MaxProtectionGroups + 1)
            .Select(i => $$"""{"name":"w{{i}}","protectionGroupIds":["pg-missing-{{i}}"]}"""));
        var body = $$"""{"name":"too-wide-{{Guid.NewGuid():N}}","waves":[{{waves}}]}""";
        var before = await host.SnapshotAsync();

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", body).As(Admin));

        // Assert
        var error = ResponseAssert.Error(response, 422, "UNKNOWN_PROTECTION_GROUP");
        var limit = Assert.Single(error.GetProperty("details").GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "LIMIT_EXCEEDED");
        Assert.Equal("waves", limit.GetProperty("field").GetString());
        Assert.Contains($"at most {RecoveryPlanLimits.MaxProtectionGroups} distinct protection groups", limit.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task UpdateRecoveryPlan_StaleVersion_Returns409VersionConflict()
    {
        // Arrange
        var host = await HostAsync();
        var server = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "web")[0];
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [server.SourceServerId]);
        var planId = await Fleet.CreatePlanAsync(host, group);
        var update = Fleet.PlanJson("renamed-" + Guid.NewGuid().ToString("N")[..8], "", group).Insert(1, "\"version\":1,");
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/recovery-plans/" + planId, update).As(Admin)));

        // Act: the same version again is now stale.
        var response = await host.SendAsync(ApiRequestBuilder.Put("/recovery-plans/" + planId, update).As(Admin));

        // Assert
        ResponseAssert.Error(response, 409, "VERSION_CONFLICT");
    }

    [Fact]
    public async Task DeleteProtectionGroup_UsedByPlan_Returns409PgInUseUntilThePlanIsDeleted()
    {
        // Arrange
        var host = await HostAsync();
        var server = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "web")[1];
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [server.SourceServerId]);
        var planId = await Fleet.CreatePlanAsync(host, group);

        // Act
        var refused = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + group).As(Admin));
        var planDeleted = await host.SendAsync(ApiRequestBuilder.Delete("/recovery-plans/" + planId).As(Admin));
        var groupDeleted = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + group).As(Admin));

        // Assert
        var error = ResponseAssert.Error(refused, 409, "PG_IN_USE");
        Assert.Equal(planId, error.GetProperty("details").GetProperty("planIds")[0].GetString());
        ResponseAssert.Success(planDeleted, 204);
        ResponseAssert.Success(groupDeleted, 204);
        ResponseAssert.Error(await host.SendAsync(ApiRequestBuilder.Get("/recovery-plans/" + planId).As(Admin)), 404, "PLAN_NOT_FOUND");
    }

    [Fact]
    public async Task GetReadiness_HealthyAndStalledServers_ReportsPerCheckResultsAgainstDrs()
    {
        // Arrange: a healthy OrderPortal wave and a Reporting wave holding the STALLED reporting-db-01.
        var host = await HostAsync();
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeA);
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        var healthy = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "app")[2];
        var stalled = Fleet.Servers(host, ApiTestHost.SpokeB, "us-west-2", "Reporting", "db")[0];
        var g1 = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [healthy.SourceServerId]);
        var g2 = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, "us-west-2", [stalled.SourceServerId]);
        var planId = await Fleet.CreatePlanWithAsync(host, ",\"rpoTargetMinutes\":30", g1, g2);

        // Act
        var report = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/recovery-plans/{planId}/readiness").As(TestCaller.InGroup(RoleGroups.ReadOnly))));

        // Assert
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal(["LAUNCH_SETTINGS", "NO_CONFLICTS", "QUOTAS", "REPLICATION_HEALTHY", "REPLICATION_LAG", "SERVERS_EXIST"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("PASS", checks["SERVERS_EXIST"].GetProperty("status").GetString());
        Assert.Equal("FAIL", checks["REPLICATION_HEALTHY"].GetProperty("status").GetString());
        Assert.Equal(stalled.SourceServerId, checks["REPLICATION_HEALTHY"].GetProperty("findings")[0].GetProperty("subject").GetString());
        Assert.Equal("PASS", checks["QUOTAS"].GetProperty("status").GetString());
        Assert.Equal("PASS", checks["NO_CONFLICTS"].GetProperty("status").GetString());
        Assert.False(report.GetProperty("ready").GetBoolean());
        Assert.Equal(2, report.GetProperty("serverCount").GetInt32());
    }

    [Fact]
    public async Task GetReadiness_UnregisteredAccount_ReportsServersUnknownNotReady()
    {
        // Arrange: the group's account was never registered, so its role cannot be assumed.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "plans-unregistered");
        var server = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "db")[1];
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [server.SourceServerId]);
        var planId = await Fleet.CreatePlanAsync(host, group);

        // Act
        var report = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/recovery-plans/{planId}/readiness").As(Admin)));

        // Assert: unreadable is UNKNOWN, never a pass.
        Assert.False(report.GetProperty("ready").GetBoolean());
        Assert.Equal("UNKNOWN", report.GetProperty("checks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task CheckExistingInstances_NothingLaunched_ReturnsNoInstancesForEveryServer()
    {
        // Arrange
        var host = await HostAsync();
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeA);
        var servers = Fleet.Servers(host, ApiTestHost.SpokeA, "us-west-2", "Inventory", "app");
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-west-2", servers.Select(s => s.SourceServerId));
        var planId = await Fleet.CreatePlanAsync(host, group);

        // Act
        var report = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/recovery-plans/{planId}/check-existing-instances").As(Admin)));

        // Assert
        Assert.Equal(servers.Count, report.GetProperty("serversChecked").GetInt32());
        Assert.Equal(0, report.GetProperty("instances").GetArrayLength());
        Assert.Equal(0, report.GetProperty("unreadableLocations").GetArrayLength());
    }

    [Fact]
    public async Task ListRecoveryPlans_NameFilter_ReturnsOnlyMatchingPlans()
    {
        // Arrange
        var host = await HostAsync();
        var server = Fleet.Servers(host, ApiTestHost.SpokeA, "us-east-1", "OrderPortal", "web")[2];
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [server.SourceServerId]);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var body = Fleet.PlanJson("needle-" + marker, "", group);
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", body).As(Admin)), 201);

        // Act
        var page = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/recovery-plans?limit=100&name=NEEDLE-" + marker).As(Admin)));

        // Assert
        var names = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["needle-" + marker], names);
    }

    [Fact]
    public async Task ListRecoveryPlans_NameFilterWithSmallLimit_ReturnsFullPagesOfEveryMatch()
    {
        // Arrange: matches interleaved with non-matches, so a page of raw items would hold fewer matches.
        var host = await HostAsync();
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [ProtectionGroupJson.NewServerId()]);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            expected.Add($"needle-{marker}-{i}");
            ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", Fleet.PlanJson(expected[^1], "", group)).As(Admin)), 201);
            ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", Fleet.PlanJson($"hay-{marker}-{i}", "", group)).As(Admin)), 201);
        }

        // Act
        var pages = await PageNamesAsync(host, "/recovery-plans?limit=2&name=NEEDLE-" + marker);

        // Assert
        Assert.Equal([2, 2, 1], pages.Select(p => p.Length));
        Assert.Equal(expected.Order(), pages.SelectMany(p => p).Order());
    }

    [Fact]
    public async Task UpdateRecoveryPlan_DroppingAGroup_ReleasesItSoTheGroupCanBeDeleted()
    {
        // Arrange
        var host = await HostAsync();
        var dropped = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [ProtectionGroupJson.NewServerId()]);
        var kept = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, "us-east-1", [ProtectionGroupJson.NewServerId()]);
        var name = "swap-" + Guid.NewGuid().ToString("N")[..8];
        var created = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", Fleet.PlanJson(name, "", dropped, kept)).As(Admin)), 201);
        var planId = created.GetProperty("planId").GetString()!;

        // Act
        var refused = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + dropped).As(Admin));
        var updated = await host.SendAsync(ApiRequestBuilder.Put("/recovery-plans/" + planId, Fleet.PlanJson(name, "", kept).Insert(1, "\"version\":1,")).As(Admin));
        var deleted = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + dropped).As(Admin));
        var stillUsed = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + kept).As(Admin));

        // Assert
        ResponseAssert.Error(refused, 409, "PG_IN_USE");
        ResponseAssert.Success(updated);
        ResponseAssert.Success(deleted, 204);
        var error = ResponseAssert.Error(stillUsed, 409, "PG_IN_USE");
        Assert.Contains(name, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAndDeleteRecoveryPlan_ExecutionActive_Returns409PlanHasActiveExecutionUntilItEnds()
    {
        // Arrange: a paused run holds the plan's claim without launching anything.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "plans-active-execution");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        var kept = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, "us-east-1", [Fleet.Servers(host, ApiTestHost.SpokeB, "us-east-1", "Payments", "db")[0].SourceServerId]);
        var dropped = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeB, "us-east-1", [Fleet.Servers(host, ApiTestHost.SpokeB, "us-east-1", "Payments", "web")[0].SourceServerId]);
        var name = "running-" + Guid.NewGuid().ToString("N")[..8];
        var planId = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", Fleet.PlanJson(name, "", kept, dropped)).As(Admin)), 201)
            .GetProperty("planId").GetString()!;
        var started = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/recovery-plans/{planId}/execute", """{"type":"DRILL","pauseBeforeFirstWave":true}""").As(Admin)), 202);
        var executionId = started.GetProperty("executionId").GetString()!;
        await WaitForExecutionAsync(host, executionId, "PAUSED");
        var update = Fleet.PlanJson(name, "", kept).Insert(1, "\"version\":1,");

        // Act
        var updateWhileActive = await host.SendAsync(ApiRequestBuilder.Put("/recovery-plans/" + planId, update).As(Admin));
        var deleteWhileActive = await host.SendAsync(ApiRequestBuilder.Delete("/recovery-plans/" + planId).As(Admin));
        var groupWhileActive = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + dropped).As(Admin));
        var planWhileActive = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/recovery-plans/" + planId).As(Admin)));
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/executions/{executionId}/cancel").As(Admin)), 202);
        await WaitForExecutionAsync(host, executionId, "CANCELLED");
        var updated = await host.SendAsync(ApiRequestBuilder.Put("/recovery-plans/" + planId, update).As(Admin));
        var groupDeleted = await host.SendAsync(ApiRequestBuilder.Delete("/protection-groups/" + dropped).As(Admin));
        var planDeleted = await host.SendAsync(ApiRequestBuilder.Delete("/recovery-plans/" + planId).As(Admin));

        // Assert
        var error = ResponseAssert.Error(updateWhileActive, 409, "PLAN_HAS_ACTIVE_EXECUTION");
        Assert.Equal(executionId, error.GetProperty("details").GetProperty("activeExecutionId").GetString());
        ResponseAssert.Error(deleteWhileActive, 409, "PLAN_HAS_ACTIVE_EXECUTION");
        ResponseAssert.Error(groupWhileActive, 409, "PG_IN_USE");
        Assert.Equal(1, planWhileActive.GetProperty("version").GetInt64());
        Assert.Equal(2, planWhileActive.GetProperty("waves").GetArrayLength());
        ResponseAssert.Success(updated);
        ResponseAssert.Success(groupDeleted, 204);
        ResponseAssert.Success(planDeleted, 204);
    }

    private static async Task WaitForExecutionAsync(ApiTestHost host, string executionId, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var execution = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/executions/" + executionId).As(Admin)));
            if (execution.GetProperty("status").GetString() == status)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{executionId} never reached {status}: {execution}");
            await Task.Delay(50);
        }
    }

    private static async Task<List<string[]>> PageNamesAsync(ApiTestHost host, string path)
    {
        var pages = new List<string[]>();
        string? token = null;
        do
        {
            var request = ApiRequestBuilder.Get(path).As(Admin);
            if (token is not null)
            {
                request.WithQuery("nextToken", token);
            }

            var page = ResponseAssert.Success(await host.SendAsync(request));
            pages.Add([.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)]);
            token = page.GetProperty("nextToken").GetString();
        }
        while (token is not null && pages.Count < 50);

        return pages;
    }

    private Task<ApiTestHost> HostAsync() => SharedHosts.GetAsync(dynamo, simulator, "plans");
}
