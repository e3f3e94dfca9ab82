using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class ExecutionConcurrencyTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private const int Starters = 20;

    /// <summary>These tests scan whole tables to prove nothing partial was left behind.</summary>
    protected override bool FreshTablesPerTest => true;

    private DynamoDbExecutionRepository Repository => new(Client, Options, Time);

    [Fact]
    public async Task CreateAsync_TwentyParallelStartsOfSamePlan_ExactlyOneIsActive()
    {
        var planId = TestIds.Plan();
        var executions = Enumerable.Range(0, Starters).Select(_ => new ExecutionBuilder().ForPlan(planId).Build()).ToList();

        var outcomes = await Task.WhenAll(executions.Select(e => CaptureAsync(() => Repository.CreateAsync(e, ExecutionBuilder.Servers(2), default))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.PlanHasActiveExecution, e.Code));
        var winner = executions[Array.IndexOf(outcomes, null)];
        Assert.Equal([winner.ExecutionId], (await Repository.ListActiveAsync(default)).Select(a => a.ExecutionId));
        Assert.All(await ScanAllAsync(Tables.Locks), l => Assert.Equal(winner.ExecutionId, l["ownerId"].S));
        Assert.All(await ScanAllAsync(Tables.ExecutionHistory), r => Assert.Equal(winner.ExecutionId, r["executionId"].S));
    }

    [Fact]
    public async Task CreateAsync_TwentyParallelPlansSharingOneServer_ExactlyOneSucceeds()
    {
        var shared = ExecutionBuilder.Servers(1)[0];
        var executions = Enumerable.Range(0, Starters).Select(_ => new ExecutionBuilder().Build()).ToList();

        var outcomes = await Task.WhenAll(executions.Select(e =>
            CaptureAsync(() => Repository.CreateAsync(e, [.. ExecutionBuilder.Servers(3), shared], default))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.ServerConflict, e.Code));
        var winner = executions[Array.IndexOf(outcomes, null)];
        var locks = await ScanAllAsync(Tables.Locks);
        Assert.All(locks, l => Assert.Equal(winner.ExecutionId, l["ownerId"].S));
        Assert.Equal(5, locks.Count); // plan + four servers
    }

    [Fact]
    public async Task SaveAsync_TwentyParallelSavesOfSameVersion_ExactlyOneWins()
    {
        var created = await Repository.CreateAsync(new ExecutionBuilder().Build(), [], default);
        var copies = new List<Domain.Executions.Execution>();
        for (var i = 0; i < Starters; i++)
        {
            var copy = (await Repository.GetAsync(created.ExecutionId, default))!;
            copy.Start(ExecutionBuilder.Now.AddSeconds(i));
            copies.Add(copy);
        }

        var outcomes = await Task.WhenAll(copies.Select(c => CaptureAsync(() => Repository.SaveAsync(c, default))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DomainException>(), e => Assert.Equal(ErrorCodes.VersionConflict, e.Code));
        Assert.Equal(2, (await Repository.GetAsync(created.ExecutionId, default))!.Version);
    }

    private static async Task<DomainException?> CaptureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }
}
