using System.Text.Json.Nodes;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Functions.ExecutionPoller;
using DrsOrchestrator.Orchestration.Tests.Support;
using DrsOrchestrator.Tests.Common.DynamoDb;
using Xunit;

namespace DrsOrchestrator.Orchestration.Tests;

/// <summary>The poller serving the tag sync schedule's tick: the settings decide whether a tick runs the sync.</summary>
[Collection(EngineCollection.Name)]
public sealed class ScheduledTagSyncTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task HandleAsync_TagSyncTickWhileDisabled_CallsNoDrsAndRecordsNothing()
    {
        // Arrange
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: false, intervalHours: 1, mark: "m1");
        var poller = bed.NewPoller();

        // Act
        var result = await poller.HandleAsync(Tick(), CancellationToken.None);

        // Assert
        Assert.Equal("DISABLED", result["tagSync"]!.GetValue<string>());
        Assert.Empty(bed.DrsCalls);
        Assert.Null(await bed.Settings.GetLastTagSyncRunAsync(CancellationToken.None));
        Assert.All(bed.Marks(), Assert.Null);
    }

    [Fact]
    public async Task HandleAsync_LastRunYoungerThanInterval_SkipsWithoutCallingDrs()
    {
        // Arrange: a first tick runs (nothing ran before); the rule then changes, so a second run would show.
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 4, mark: "first");
        var poller = bed.NewPoller();
        var first = await poller.HandleAsync(Tick(), CancellationToken.None);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 4, mark: "second");
        bed.Clock.Advance(TimeSpan.FromHours(3.5));
        bed.Simulator.ClearCalls();

        // Act
        var early = await poller.HandleAsync(Tick(), CancellationToken.None);

        // Assert
        Assert.Equal("RAN", first["tagSync"]!.GetValue<string>());
        Assert.Equal("NOT_DUE", early["tagSync"]!.GetValue<string>());
        Assert.Empty(bed.DrsCalls);
        Assert.NotEmpty(bed.Marks());
        Assert.All(bed.Marks(), m => Assert.Equal("first", m));
        Assert.Equal(TagSyncBed.StartTime, (await bed.Settings.GetLastTagSyncRunAsync(CancellationToken.None))!.StartedAt);
    }

    [Fact]
    public async Task HandleAsync_IntervalElapsed_RunsAndRecordsAScheduledRun()
    {
        // Arrange
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 4, mark: "first");
        var poller = bed.NewPoller();
        await poller.HandleAsync(Tick(), CancellationToken.None);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 4, mark: "second");
        bed.Clock.Advance(TimeSpan.FromHours(4));

        // Act
        var due = await poller.HandleAsync(Tick(), CancellationToken.None);

        // Assert
        Assert.Equal("RAN", due["tagSync"]!.GetValue<string>());
        Assert.All(bed.Marks(), m => Assert.Equal("second", m));
        var run = (await bed.Settings.GetLastTagSyncRunAsync(CancellationToken.None))!;
        Assert.Equal(TagSyncTrigger.Schedule, run.Trigger);
        Assert.Equal(TagSyncService.ScheduleActor, run.TriggeredBy);
        Assert.Equal(TagSyncBed.StartTime.AddHours(4), run.StartedAt);
        Assert.True(run.Succeeded);
        Assert.Equal(bed.Marks().Count, run.Locations.Sum(l => l.Tagged));
        Assert.Contains(run.Locations, l => l.AccountId == TagSyncBed.Account && l.Region == TagSyncBed.Region && l.Matched == bed.Marks().Count);
        Assert.Null((await bed.Settings.GetTagSyncStateAsync(CancellationToken.None)).Value.Running);
    }

    [Fact]
    public async Task HandleAsync_TwoConcurrentTicks_ExactlyOneRuns()
    {
        // Arrange: two poller instances (as two Lambda invocations would be), ticking together in several rounds.
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 1, mark: "m");
        var rounds = new List<string[]>();

        // Act
        for (var round = 0; round < 5; round++)
        {
            var pollers = new[] { bed.NewPoller(), bed.NewPoller() };
            using var go = new ManualResetEventSlim();
            var ticks = pollers.Select(p => Task.Run(async () =>
            {
                go.Wait();
                return await p.HandleAsync(Tick(), CancellationToken.None);
            })).ToList();
            go.Set();
            var results = await Task.WhenAll(ticks);
            rounds.Add([.. results.Select(r => r["tagSync"]!.GetValue<string>())]);
            bed.Clock.Advance(TimeSpan.FromHours(1));
        }

        // Assert: one run per round; the servers were tagged once, not once per instance.
        Assert.All(rounds, r => Assert.Single(r, o => o == "RAN"));
        Assert.All(rounds, r => Assert.Single(r, o => o is "ALREADY_RUNNING" or "NOT_DUE"));
        Assert.Equal(bed.Marks().Count, bed.DrsCalls.Count(c => c.Operation == "TagResource"));
    }

    [Fact]
    public async Task HandleAsync_RunHoldsTheSlot_SkipsUntilItsLeaseExpires()
    {
        // Arrange: a run that started and never finished (its function died), as it left the run record.
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 1, mark: "m");
        var state = await bed.Settings.GetTagSyncStateAsync(CancellationToken.None);
        var dead = new TagSyncClaim("dead-run", TagSyncTrigger.User, "admin@example.test", bed.Clock.GetUtcNow(), bed.Clock.GetUtcNow() + TagSyncService.ClaimLease);
        Assert.True(await bed.Settings.TrySaveTagSyncStateAsync(state.Value with { Running = dead }, state.Version, "test", CancellationToken.None));
        var poller = bed.NewPoller();

        // Act
        var whileHeld = await poller.HandleAsync(Tick(), CancellationToken.None);
        var callsWhileHeld = bed.DrsCalls.Count;
        bed.Clock.Advance(TimeSpan.FromHours(1));
        var afterExpiry = await poller.HandleAsync(Tick(), CancellationToken.None);

        // Assert
        Assert.Equal("ALREADY_RUNNING", whileHeld["tagSync"]!.GetValue<string>());
        Assert.Equal(0, callsWhileHeld);
        Assert.Equal("RAN", afterExpiry["tagSync"]!.GetValue<string>());
        Assert.All(bed.Marks(), m => Assert.Equal("m", m));
    }

    [Fact]
    public async Task RunScheduledAsync_OneRegionTimesOut_TagsOtherLocationsAndRecordsThatLocationsError()
    {
        // Arrange: us-west-2 never answers (both sample accounts have it; Payments lives in us-east-1).
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 4, mark: "m");
        using var http = new HttpClient(new SilentRegionHandler("us-west-2")) { Timeout = TimeSpan.FromSeconds(2) };
        var service = bed.NewTagSync(http);

        // Act
        var result = await service.RunScheduledAsync(CancellationToken.None);

        // Assert: every location was visited and the Payments servers tagged; the silent ones carry the timeout.
        Assert.Equal(TagSyncScheduleOutcome.Ran, result.Outcome);
        Assert.NotEmpty(bed.Marks());
        Assert.All(bed.Marks(), m => Assert.Equal("m", m));
        var run = (await bed.Settings.GetLastTagSyncRunAsync(CancellationToken.None))!;
        Assert.False(run.Succeeded);
        Assert.Null(run.Error);
        Assert.Equal(4, run.Locations.Count);
        var silent = run.Locations.Where(l => l.Region == "us-west-2").ToList();
        Assert.Equal(2, silent.Count);
        Assert.All(silent, l => Assert.StartsWith("No answer in time", l.Error, StringComparison.Ordinal));
        Assert.All(run.Locations.Where(l => l.Region != "us-west-2"), l => { Assert.Null(l.Error); Assert.True(l.Scanned > 0); });
        Assert.Contains(run.Locations, l => l.AccountId == TagSyncBed.Account && l.Region == TagSyncBed.Region && l.Tagged == bed.Marks().Count);
    }

    [Fact]
    public async Task HandleAsync_RunFailsAsAWhole_RecordsFailedRunAndNextTickWithinIntervalIsNotDue()
    {
        // Arrange: the accounts cannot be listed, so the run fails before visiting any location.
        await using var bed = await TagSyncBed.StartAsync(dynamo);
        await bed.SaveTagSyncAsync(enabled: true, intervalHours: 4, mark: "m");
        await bed.DropTargetAccountsTableAsync();
        var poller = bed.NewPoller();

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => poller.HandleAsync(Tick(), CancellationToken.None));
        bed.Clock.Advance(TimeSpan.FromHours(1));
        var next = await poller.HandleAsync(Tick(), CancellationToken.None);

        // Assert: the failure is the last run, the slot is free, and the interval counts from it.
        var state = (await bed.Settings.GetTagSyncStateAsync(CancellationToken.None)).Value;
        Assert.Null(state.Running);
        var run = state.LastRun!;
        Assert.False(run.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(run.Error));
        Assert.Equal(TagSyncTrigger.Schedule, run.Trigger);
        Assert.Equal(TagSyncBed.StartTime, run.StartedAt);
        Assert.Empty(run.Locations);
        Assert.Equal("NOT_DUE", next["tagSync"]!.GetValue<string>());
        Assert.Empty(bed.DrsCalls);
    }

    /// <summary>The input the deployed rule sends (the CDK test checks the template carries exactly this).</summary>
    private static JsonObject Tick() => JsonNode.Parse($$"""{"task":"{{PollerHandler.TagSyncTask}}"}""")!.AsObject();
}
