using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class ExecutionRepositoryTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private DynamoDbExecutionRepository Repository => new(Client, Options, Time);

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsRecordAtVersionOne()
    {
        var execution = new ExecutionBuilder().WithWaves(3).Build();

        var created = await Repository.CreateAsync(execution, ExecutionBuilder.Servers(2), default);
        var loaded = await Repository.GetAsync(execution.ExecutionId, default);

        Assert.Equal(1, created.Version);
        Assert.NotNull(loaded);
        Assert.Equal(ExecutionStatus.Pending, loaded.Status);
        Assert.Equal(execution.Record.PlanId, loaded.Record.PlanId);
        Assert.Equal(3, loaded.Waves.Count);
        Assert.Equal(execution.Record.Plan.Waves.Select(w => w.Name), loaded.Record.Plan.Waves.Select(w => w.Name));
        Assert.Equal(60, loaded.Record.Plan.RtoTargetMinutes);
        Assert.Equal(execution.Record.Audit.Count, loaded.Record.Audit.Count);
        Assert.Equal(execution.Record.CreatedAt, loaded.Record.CreatedAt);
    }

    [Fact]
    public async Task SaveAsync_WaveOfTwelveHundredServers_RoundTripsEveryServerAcrossRows()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().WithWaves(1).Build(), [], default);
        var servers = ExecutionBuilder.Servers(1200);
        execution.Start(ExecutionBuilder.Now);
        execution.StartWave(0, servers, ExecutionBuilder.Now);

        var saved = await Repository.SaveAsync(execution, default);
        var loaded = await Repository.GetAsync(execution.ExecutionId, default);

        Assert.Equal(2, saved.Version);
        Assert.Equal(servers.Select(s => s.SourceServerId), loaded!.Waves[0].Servers.Select(s => s.SourceServerId));
        Assert.Equal(WaveStatus.Starting, loaded.Waves[0].Status);
        var claims = (await ScanAllAsync(Tables.Locks)).Count(l => l["ownerId"].S == execution.ExecutionId);
        Assert.Equal(1201, claims); // every server plus the plan
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsVersionConflict()
    {
        var created = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        var first = (await Repository.GetAsync(created.ExecutionId, default))!;
        var second = (await Repository.GetAsync(created.ExecutionId, default))!;
        first.Start(ExecutionBuilder.Now);
        second.RequestCancel("someone@example.test", ExecutionBuilder.Now);

        await Repository.SaveAsync(first, default);
        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.SaveAsync(second, default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
        Assert.Equal(ExecutionStatus.Running, (await Repository.GetAsync(created.ExecutionId, default))!.Status);
    }

    [Fact]
    public async Task CreateAsync_PlanAlreadyActive_ThrowsPlanHasActiveExecution()
    {
        var planId = TestIds.Plan();
        var active = await Repository.CreateAsync(new ExecutionBuilder().ForPlan(planId).Build(), [], default);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.CreateAsync(new ExecutionBuilder().ForPlan(planId).Build(), [], default));

        Assert.Equal(ErrorCodes.PlanHasActiveExecution, error.Code);
        Assert.Equal(active.ExecutionId, error.Details!["activeExecutionId"]);
    }

    [Fact]
    public async Task CreateAsync_ServerInOtherActiveExecution_ThrowsServerConflictAndWritesNothing()
    {
        var servers = ExecutionBuilder.Servers(3);
        var active = await Repository.CreateAsync(new ExecutionBuilder().Build(), servers, default);
        var loser = new ExecutionBuilder().Build();

        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.CreateAsync(loser, [.. ExecutionBuilder.Servers(2), servers[1]], default));

        Assert.Equal(ErrorCodes.ServerConflict, error.Code);
        Assert.Equal(active.ExecutionId, error.Details!["activeExecutionId"]);
        Assert.Null(await Repository.GetAsync(loser.ExecutionId, default));
        Assert.DoesNotContain(await ScanAllAsync(Tables.Locks), l => l["ownerId"].S == loser.ExecutionId);
    }

    [Fact]
    public async Task SaveAsync_TerminalStatus_ReleasesPlanAndServers()
    {
        var planId = TestIds.Plan();
        var servers = ExecutionBuilder.Servers(2);
        var first = await Repository.CreateAsync(new ExecutionBuilder().ForPlan(planId).Build(), servers, default);
        first.RequestCancel("operator@example.test", ExecutionBuilder.Now);

        await Repository.SaveAsync(first, default);
        var next = await Repository.CreateAsync(new ExecutionBuilder().ForPlan(planId).Build(), servers, default);

        Assert.Equal(ExecutionStatus.Cancelled, (await Repository.GetAsync(first.ExecutionId, default))!.Status);
        Assert.Equal(next.ExecutionId, await Repository.FindActiveExecutionOfPlanAsync(planId, default));
        Assert.DoesNotContain(await ScanAllAsync(Tables.Locks), l => l["ownerId"].S == first.ExecutionId);
    }

    [Fact]
    public async Task ListActiveAsync_MixedStatuses_ReturnsOnlyActive()
    {
        var running = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        running.Start(ExecutionBuilder.Now);
        await Repository.SaveAsync(running, default);
        var pending = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        var cancelled = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        cancelled.RequestCancel("operator@example.test", ExecutionBuilder.Now);
        await Repository.SaveAsync(cancelled, default);

        var active = await Repository.ListActiveAsync(default);

        var ids = active.Select(a => a.ExecutionId).ToList();
        Assert.Contains(running.ExecutionId, ids);
        Assert.Contains(pending.ExecutionId, ids);
        Assert.DoesNotContain(cancelled.ExecutionId, ids);
        Assert.All(active, a => Assert.True(a.Status.IsActive()));
        Assert.Contains(active, a => a.ExecutionId == running.ExecutionId && a.Status == ExecutionStatus.Running && a.Version == 2);
    }

    [Fact]
    public async Task ListByPlanAsync_AcrossPages_ReturnsNewestFirstExactlyOnce()
    {
        var planId = TestIds.Plan();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var execution = await Repository.CreateAsync(
                new ExecutionBuilder().ForPlan(planId).CreatedAt(ExecutionBuilder.Now.AddMinutes(i)).Build(), [], default);
            execution.RequestCancel("operator@example.test", ExecutionBuilder.Now.AddMinutes(i));
            await Repository.SaveAsync(execution, default);
            ids.Add(execution.ExecutionId);
        }

        var seen = new List<string>();
        var request = PageRequest.First(2);
        do
        {
            var page = await Repository.ListByPlanAsync(planId, request, default);
            seen.AddRange(page.Items.Select(s => s.ExecutionId));
            request = request with { NextToken = page.NextToken };
        }
        while (request.NextToken is not null);

        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Fact]
    public async Task ListByPlanAsync_TokenFromAnotherPlan_ThrowsInvalidPaginationToken()
    {
        var planId = TestIds.Plan();
        for (var i = 0; i < 2; i++)
        {
            var execution = await Repository.CreateAsync(new ExecutionBuilder().ForPlan(planId).CreatedAt(ExecutionBuilder.Now.AddMinutes(i)).Build(), [], default);
            execution.RequestCancel("operator@example.test", ExecutionBuilder.Now);
            await Repository.SaveAsync(execution, default);
        }

        var page = await Repository.ListByPlanAsync(planId, PageRequest.First(1), default);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.ListByPlanAsync(TestIds.Plan(), new PageRequest(1, page.NextToken), default));

        Assert.NotNull(page.NextToken);
        Assert.Equal(ErrorCodes.InvalidPaginationToken, error.Code);
    }

    [Fact]
    public async Task ListAsync_ByStatus_UsesStatusIndex()
    {
        var cancelled = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        cancelled.RequestCancel("operator@example.test", ExecutionBuilder.Now);
        await Repository.SaveAsync(cancelled, default);
        var pending = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);

        var page = await Repository.ListAsync(ExecutionStatus.Cancelled, PageRequest.First(PageRequest.MaxLimit), default);
        var all = await Repository.ListAsync(null, PageRequest.First(PageRequest.MaxLimit), default);

        Assert.Contains(cancelled.ExecutionId, page.Items.Select(i => i.ExecutionId));
        Assert.All(page.Items, i => Assert.Equal(ExecutionStatus.Cancelled, i.Status));
        Assert.Contains(pending.ExecutionId, all.Items.Select(i => i.ExecutionId));
        Assert.Contains(cancelled.ExecutionId, all.Items.Select(i => i.ExecutionId));
    }

    [Fact]
    public async Task DeleteAsync_ActiveExecution_ThrowsExecutionActive()
    {
        var active = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.DeleteAsync(active.ExecutionId, default));

        Assert.Equal(ErrorCodes.ExecutionActive, error.Code);
    }

    [Fact]
    public async Task DeleteAsync_EndedExecution_RemovesEveryRow()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().WithWaves(3).Build(), [], default);
        execution.RequestCancel("operator@example.test", ExecutionBuilder.Now);
        await Repository.SaveAsync(execution, default);

        await Repository.DeleteAsync(execution.ExecutionId, default);

        Assert.Null(await Repository.GetAsync(execution.ExecutionId, default));
        Assert.DoesNotContain(await ScanAllAsync(Tables.ExecutionHistory), r => r["executionId"].S == execution.ExecutionId);
    }

    [Fact]
    public async Task CreateAsync_WithRetention_StampsTtlOnEveryRow()
    {
        var execution = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);

        var rows = (await ScanAllAsync(Tables.ExecutionHistory)).Where(r => r["executionId"].S == execution.ExecutionId).ToList();

        var expected = (ExecutionBuilder.Now + TimeSpan.FromDays(365)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(expected, r["expiresAt"].N));
    }
}
