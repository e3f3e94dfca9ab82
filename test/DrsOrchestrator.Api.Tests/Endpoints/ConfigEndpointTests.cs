using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ConfigEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task Settings_DefaultsThenPut_VersionedAndValidated()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "config-settings");

        // Act
        var defaults = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/settings").As(Admin)));
        var saved = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/config/settings", """{"version":0,"settings":{"executionHistoryRetentionDays":90,"defaultRegion":"eu-west-1"}}""").As(Admin)));
        var stale = await host.SendAsync(ApiRequestBuilder.Put("/config/settings", """{"version":0,"settings":{"executionHistoryRetentionDays":30}}""").As(Admin));
        var invalid = await host.SendAsync(ApiRequestBuilder.Put("/config/settings", """{"version":1,"settings":{"executionHistoryRetentionDays":0}}""").As(Admin));

        // Assert
        Assert.Equal(0, defaults.GetProperty("version").GetInt64());
        Assert.Equal(365, defaults.GetProperty("settings").GetProperty("executionHistoryRetentionDays").GetInt32());
        Assert.Equal(1, saved.GetProperty("version").GetInt64());
        Assert.Equal("eu-west-1", saved.GetProperty("settings").GetProperty("defaultRegion").GetString());
        ResponseAssert.Error(stale, 409, "VERSION_CONFLICT");
        ResponseAssert.Error(invalid, 422, "INVALID_FIELD");
    }

    [Fact]
    public async Task RegionsAndHealth_Get_ListDrsRegionsAndReportTheStore()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "config-settings");

        var regions = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/regions").As(Admin)));
        var health = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/health").As(Admin)));

        Assert.Contains(regions.GetProperty("regions").EnumerateArray(), r => r.GetString() == "us-east-1");
        Assert.Equal("OK", health.GetProperty("status").GetString());
        Assert.Equal("database", health.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ExportImport_IntoAnEmptyStore_RoundTripsExactly()
    {
        // Arrange: a configured source store.
        var source = await SharedHosts.GetAsync(dynamo, simulator, "config-export-source");
        await Fleet.RegisterAsync(source, ApiTestHost.SpokeA);
        var servers = Fleet.Servers(source, ApiTestHost.SpokeA, "us-east-1", "OrderPortal");
        var g1 = await Fleet.CreateGroupAsync(source, ApiTestHost.SpokeA, "us-east-1", [servers[0].SourceServerId], """{"launchDisposition":"STOPPED","instanceProfile":"drs-recovery"}""");
        var g2 = await Fleet.CreateTagGroupAsync(source, ApiTestHost.SpokeA, "us-west-2", "Application", "Inventory");
        await Fleet.CreatePlanWithAsync(source, ",\"rtoTargetMinutes\":45", g1, g2);
        ResponseAssert.Success(await source.SendAsync(ApiRequestBuilder.Put("/config/settings", """{"version":0,"settings":{"executionHistoryRetentionDays":120}}""").As(Admin)));
        var exported = ResponseAssert.Success(await source.SendAsync(ApiRequestBuilder.Get("/config/export").As(Admin)));
        var target = await SharedHosts.GetAsync(dynamo, simulator, "config-export-target-" + Guid.NewGuid().ToString("N")[..6]);

        // Act
        var dryRun = ResponseAssert.Success(await target.SendAsync(ApiRequestBuilder.Post("/config/import?dryRun=true", exported.GetRawText()).As(Admin)));
        var afterDryRun = ResponseAssert.Success(await target.SendAsync(ApiRequestBuilder.Get("/config/export").As(Admin)));
        var imported = ResponseAssert.Success(await target.SendAsync(ApiRequestBuilder.Post("/config/import", exported.GetRawText()).As(Admin)));
        var again = ResponseAssert.Success(await target.SendAsync(ApiRequestBuilder.Get("/config/export").As(Admin)));
        var twice = await target.SendAsync(ApiRequestBuilder.Post("/config/import", exported.GetRawText()).As(Admin));

        // Assert
        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, afterDryRun.GetProperty("protectionGroups").GetArrayLength());
        Assert.Equal(2, imported.GetProperty("protectionGroupsCreated").GetInt32());
        Assert.Equal(exported.GetRawText(), again.GetRawText());
        ResponseAssert.Error(twice, 422, "IMPORT_INVALID");
    }

    [Fact]
    public async Task Import_PlanNamingAMissingGroup_Returns422AndWritesNothing()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "config-import-invalid");
        var document = JsonNode.Parse(ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/export").As(Admin))).GetRawText())!;
        document["accounts"]!.AsArray().Add(JsonNode.Parse($$"""{"accountId":"555555555555","name":"a","roleArn":"{{ApiTestHost.RoleArnOf("555555555555")}}","externalId":"ext-555","regions":["us-east-1"],"createdBy":"x","createdAt":"2025-01-01T00:00:00+00:00","updatedBy":"x","updatedAt":"2025-01-01T00:00:00+00:00"}"""));
        document["recoveryPlans"]!.AsArray().Add(JsonNode.Parse("""{"planId":"plan-imported","name":"p","description":"","waves":[{"name":"w","protectionGroupIds":["pg-missing"]}],"rtoTargetMinutes":null,"rpoTargetMinutes":null,"createdBy":"x","createdAt":"2025-01-01T00:00:00+00:00","updatedBy":"x","updatedAt":"2025-01-01T00:00:00+00:00"}"""));
        var before = await host.SnapshotAsync();

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Post("/config/import", document.ToJsonString()).As(Admin));

        // Assert: the valid account was not written either.
        var error = ResponseAssert.Error(response, 422, "IMPORT_INVALID");
        Assert.Contains(error.GetProperty("details").GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "UNKNOWN_PROTECTION_GROUP");
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task TagSync_PutRulesAndRun_TagsMatchingServersInDrsAndRecordsTheRun()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "config-tag-sync");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var put = $$$"""{"version":0,"settings":{"enabled":true,"intervalHours":6,"rules":[{"match":[{"key":"Application","value":"Reporting"},{"key":"Tier","value":"web"}],"apply":{"DrTier":"{{{marker}}}"}}]}}""";
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/config/tag-sync", put).As(Admin)));

        // Act
        var run = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/config/tag-sync/run").As(Admin)));
        var rerun = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/config/tag-sync/run").As(Admin)));
        var view = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/tag-sync").As(Admin)));

        // Assert
        var webs = Fleet.Servers(host, ApiTestHost.SpokeB, "us-west-2", "Reporting", "web");
        Assert.All(webs, s => Assert.Equal(marker, s.Tags["DrTier"]));
        var west = run.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("region").GetString() == "us-west-2");
        Assert.Equal(webs.Count, west.GetProperty("tagged").GetInt32());
        Assert.Equal(0, rerun.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("tagged").GetInt32()));
        Assert.Equal(1, view.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Object, view.GetProperty("lastRun").ValueKind);
    }
}
