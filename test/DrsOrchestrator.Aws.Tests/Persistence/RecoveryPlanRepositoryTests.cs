using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.RecoveryPlans;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class RecoveryPlanRepositoryTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private DynamoDbRecoveryPlanRepository Repository => new(Client, Options, Time);

    private DynamoDbProtectionGroupRepository Groups => new(Client, Options, Time);

    /// <summary>A plan on groups that exist: the repository refuses a plan naming a group it cannot reference.</summary>
    private async Task<RecoveryPlan> NewPlanAsync(int waves)
    {
        var groups = new List<string>();
        for (var i = 0; i < waves; i++)
        {
            groups.Add((await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default)).GroupId);
        }

        return ExecutionBuilder.Plan(TestIds.Plan(), groups);
    }

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsWaves()
    {
        var plan = await NewPlanAsync(2);
        plan = plan with
        {
            Waves = [plan.Waves[0], plan.Waves[1] with
            {
                PauseBefore = true,
                DependsOn = [plan.Waves[0].Name],
                DefaultCriticality = ServerCriticality.Optional,
                CriticalityOverrides = new Dictionary<string, ServerCriticality> { [TestIds.SourceServer()] = ServerCriticality.Critical },
            }],
        };

        await Repository.CreateAsync(plan, default);
        var loaded = await Repository.GetAsync(plan.PlanId, default);

        Assert.Equal(1, loaded!.Version);
        Assert.Equal(plan.Name, loaded.Name);
        Assert.Equal(60, loaded.RtoTargetMinutes);
        Assert.True(loaded.Waves[1].PauseBefore);
        Assert.Equal([plan.Waves[0].Name], loaded.Waves[1].DependsOn);
        Assert.Equal(plan.Waves[1].CriticalityOverrides, loaded.Waves[1].CriticalityOverrides);
        Assert.Equal(plan.Waves.Select(w => w.ProtectionGroupIds[0]), loaded.Waves.Select(w => w.ProtectionGroupIds[0]));
    }

    [Fact]
    public async Task CreateAsync_DuplicateName_ThrowsPlanNameExists()
    {
        var first = await Repository.CreateAsync((await NewPlanAsync(1)) with { Name = "Tier 1" }, default);
        var duplicate = (await NewPlanAsync(1)) with { Name = "TIER 1" };

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Repository.CreateAsync(duplicate, default));

        Assert.Equal(ErrorCodes.PlanNameExists, error.Code);
        Assert.Equal(first.PlanId, error.Details!["existingPlanId"]);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsVersionConflict()
    {
        var plan = await Repository.CreateAsync((await NewPlanAsync(1)), default);
        await Repository.UpdateAsync(plan with { Description = "one" }, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Repository.UpdateAsync(plan with { Description = "two" }, default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
    }

    [Fact]
    public async Task DeleteAsync_ThenCreateSameName_Succeeds()
    {
        var plan = await Repository.CreateAsync((await NewPlanAsync(1)) with { Name = "Reused" }, default);

        await Repository.DeleteAsync(plan.PlanId, plan.Version, default);
        var again = await Repository.CreateAsync((await NewPlanAsync(1)) with { Name = "Reused" }, default);

        Assert.Null(await Repository.GetAsync(plan.PlanId, default));
        Assert.Equal(1, again.Version);
    }

    [Fact]
    public async Task ListAsync_AcrossPages_ReturnsEveryPlanOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Repository.CreateAsync((await NewPlanAsync(1)), default)).PlanId);
        }

        var seen = new List<string>();
        var request = PageRequest.First(2);
        do
        {
            var page = await Repository.ListAsync(request, default);
            seen.AddRange(page.Items.Select(p => p.PlanId));
            request = request with { NextToken = page.NextToken };
        }
        while (request.NextToken is not null);

        Assert.Equal(ids.Order(), seen.Where(ids.Contains).Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
