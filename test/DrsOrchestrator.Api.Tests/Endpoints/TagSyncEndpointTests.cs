using System.Text.Json;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Settings;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

/// <summary>"Run now" beside the schedule: it ignores the interval but never overlaps another run.</summary>
[Collection(ApiCollection.Name)]
public sealed class TagSyncEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task TagSync_ManualRunWithinTheInterval_RunsAnywayAndIsRecordedAsUserTriggered()
    {
        // Arrange: scheduled sync every 24 hours, and a run that just happened.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "tag-sync-manual");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        var put = """{"version":0,"settings":{"enabled":true,"intervalHours":24,"rules":[{"match":[{"key":"Application","value":"Reporting"}],"apply":{"DrOwner":"reporting"}}]}}""";
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/config/tag-sync", put).As(Admin)));
        var first = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/config/tag-sync/run").As(Admin)));

        // Act
        var second = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/config/tag-sync/run").As(Admin)));
        var view = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/tag-sync").As(Admin)));

        // Assert: the console's fields are all there, plus what triggered the run and when the schedule runs next.
        Assert.Equal("USER", second.GetProperty("trigger").GetString());
        Assert.True(second.GetProperty("startedAt").GetDateTimeOffset() >= first.GetProperty("endedAt").GetDateTimeOffset());
        var lastRun = view.GetProperty("lastRun");
        Assert.Equal(second.GetProperty("startedAt").GetDateTimeOffset(), lastRun.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal("USER", lastRun.GetProperty("trigger").GetString());
        Assert.Equal(Admin.Claims!["email"], lastRun.GetProperty("triggeredBy").GetString());
        Assert.True(lastRun.GetProperty("succeeded").GetBoolean());
        Assert.Equal(JsonValueKind.String, lastRun.GetProperty("endedAt").ValueKind);
        Assert.Equal(JsonValueKind.Array, lastRun.GetProperty("locations").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("runningSince").ValueKind);
        Assert.Equal(lastRun.GetProperty("startedAt").GetDateTimeOffset().AddHours(24), view.GetProperty("nextRunDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TagSync_RunWhileAnotherRunHoldsTheSlot_Returns429AndChangesNothing()
    {
        // Arrange: a scheduled run in progress, as the poller records it when it claims the slot.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "tag-sync-busy");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        using var client = dynamo.CreateClient();
        var settings = new SettingsService(new DynamoDbSettingsRepository(client, DynamoDbPersistenceOptions.Default(host.Tables)), TimeProvider.System);
        var state = await settings.GetTagSyncStateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var claim = new TagSyncClaim("scheduled-run", TagSyncTrigger.Schedule, TagSyncService.ScheduleActor, now, now + TagSyncService.ClaimLease);
        Assert.True(await settings.TrySaveTagSyncStateAsync(state.Value with { Running = claim }, state.Version, TagSyncService.ScheduleActor, CancellationToken.None));
        var before = await host.SnapshotAsync();

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Post("/config/tag-sync/run").As(Admin));
        var view = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/config/tag-sync").As(Admin)));

        // Assert
        ResponseAssert.Error(response, 429, "THROTTLED");
        Assert.Equal(before, await host.SnapshotAsync());
        Assert.Equal(now.ToUnixTimeMilliseconds(), view.GetProperty("runningSince").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("lastRun").ValueKind);
    }
}
