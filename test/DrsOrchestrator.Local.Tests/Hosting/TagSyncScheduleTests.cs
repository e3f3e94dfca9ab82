using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Local.Tests.Support;

namespace DrsOrchestrator.Local.Tests.Hosting;

/// <summary>The local host ticks the tag sync schedule on its virtual clock, as EventBridge does in AWS.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class TagSyncScheduleTests(LocalHostFixture fixture)
{
    private const string Account = "222222222222";
    private const string Region = "us-east-1";

    [Fact]
    public async Task TagSyncSchedule_EnabledThroughTheApi_RunsOnTheVirtualClockAsAScheduledRun()
    {
        // Arrange: nobody presses "Run now"; only the host's timer can start this run.
        using var admin = await fixture.SignInAsync(RoleGroups.Admin);
        var current = await ApiJson.DataAsync(await admin.GetAsync("/api/config/tag-sync"), 200);
        var mark = Guid.NewGuid().ToString("N")[..8];
        var saved = await PutAsync(admin, current["version"]!.GetValue<long>(), enabled: true, mark);

        // Act
        JsonNode? lastRun;
        try
        {
            // Real-time bound only: at 600x the 15-minute tick comes every 1.5 s.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                await Task.Delay(250);
                lastRun = (await ApiJson.DataAsync(await admin.GetAsync("/api/config/tag-sync"), 200))["lastRun"];
            }
            while (lastRun?["trigger"]?.GetValue<string>() != "SCHEDULE" && DateTime.UtcNow < deadline);
        }
        finally
        {
            // The host is shared by the collection: switch the schedule off again.
            await PutAsync(admin, saved["version"]!.GetValue<long>(), enabled: false, mark);
        }

        // Assert
        Assert.NotNull(lastRun);
        Assert.Equal("SCHEDULE", lastRun["trigger"]!.GetValue<string>());
        Assert.Equal("schedule", lastRun["triggeredBy"]!.GetValue<string>());
        var payments = fixture.Host.Simulator.SourceServersOf(Account, Region)
            .Where(s => s.Tags.TryGetValue("Application", out var application) && application == "Payments")
            .ToList();
        Assert.NotEmpty(payments);
        Assert.All(payments, s => Assert.Equal(mark, s.Tags["ScheduleMark"]));
    }

    private static async Task<JsonNode> PutAsync(HttpClient admin, long version, bool enabled, string mark)
    {
        var settings = new
        {
            enabled,
            intervalHours = 1,
            rules = new[]
            {
                new { match = new[] { new { key = "Application", value = "Payments" } }, apply = new Dictionary<string, string> { ["ScheduleMark"] = mark } },
            },
        };
        return await ApiJson.DataAsync(await admin.PutAsJsonAsync("/api/config/tag-sync", new { version, settings }), 200);
    }
}
