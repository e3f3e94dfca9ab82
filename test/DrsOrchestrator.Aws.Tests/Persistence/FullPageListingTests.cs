using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Executions;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

/// <summary>
/// Property-style: for seeded random data, filters and limits, paging with nextToken yields exactly the
/// filtered list in order, every page full except the last, and no page short while a token is set.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class FullPageListingTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private const int Trials = 12;
    private static readonly string[] NameWords = ["alpha", "Beta", "GAMMA", "delta"];
    private static readonly string[] AccountIds = ["111122223333", "444455556666"];
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    /// <summary>The expected lists are computed from whole-table reads.</summary>
    protected override bool FreshTablesPerTest => true;

    private DynamoDbProtectionGroupRepository Groups => new(Client, Options, Time);

    private DynamoDbRecoveryPlanRepository Plans => new(Client, Options, Time);

    private DynamoDbExecutionRepository Executions => new(Client, Options, Time);

    [Fact]
    public async Task GroupsListMatchingAsync_RandomFiltersAndLimits_PagesAreFullAndYieldExactlyTheMatches()
    {
        var random = new Random(20250301);
        for (var i = 0; i < 40; i++)
        {
            await Groups.CreateAsync(
                new ProtectionGroupBuilder()
                    .WithName($"{NameWords[random.Next(NameWords.Length)]}-{i}")
                    .InAccount(AccountIds[random.Next(AccountIds.Length)], Regions[random.Next(Regions.Length)])
                    .Build(),
                default);
        }

        var all = (await Groups.ListAsync(PageRequest.First(PageRequest.MaxLimit), default)).Items;
        for (var trial = 0; trial < Trials; trial++)
        {
            var filter = new ProtectionGroupFilter(
                random.Next(3) == 0 ? AccountIds[random.Next(AccountIds.Length)] : null,
                random.Next(3) == 0 ? Regions[random.Next(Regions.Length)] : null,
                random.Next(4) > 0 ? NameWords[random.Next(NameWords.Length)].ToUpperInvariant()[1..] : null);
            var limit = random.Next(1, 8);
            var expected = all.Where(g =>
                    (filter.AccountId is null || g.AccountId == filter.AccountId)
                    && (filter.Region is null || g.Region == filter.Region)
                    && (filter.NameContains is null || g.Name.Contains(filter.NameContains, StringComparison.OrdinalIgnoreCase)))
                .Select(g => g.GroupId)
                .ToList();

            var pages = await PageThroughAsync(limit, request => Groups.ListMatchingAsync(filter, request, default), g => g.GroupId);

            AssertFullPages(expected, pages, limit, $"{filter} limit {limit}");
        }
    }

    [Fact]
    public async Task PlansListMatchingAsync_RandomNamesAndLimits_PagesAreFullAndYieldExactlyTheMatches()
    {
        var random = new Random(7);
        var group = await Groups.CreateAsync(new ProtectionGroupBuilder().Build(), default);
        for (var i = 0; i < 30; i++)
        {
            await Plans.CreateAsync(ExecutionBuilder.Plan(TestIds.Plan(), [group.GroupId]) with { Name = $"{NameWords[random.Next(NameWords.Length)]} plan {i}" }, default);
        }

        var all = (await Plans.ListAsync(PageRequest.First(PageRequest.MaxLimit), default)).Items;
        for (var trial = 0; trial < Trials; trial++)
        {
            var filter = new RecoveryPlanFilter(random.Next(5) > 0 ? NameWords[random.Next(NameWords.Length)].ToLowerInvariant() : null);
            var limit = random.Next(1, 7);
            var expected = all.Where(p => filter.NameContains is null || p.Name.Contains(filter.NameContains, StringComparison.OrdinalIgnoreCase)).Select(p => p.PlanId).ToList();

            var pages = await PageThroughAsync(limit, request => Plans.ListMatchingAsync(filter, request, default), p => p.PlanId);

            AssertFullPages(expected, pages, limit, $"{filter} limit {limit}");
        }
    }

    [Fact]
    public async Task ExecutionsListMatchingAsync_RandomTypeStatusAndPlanFilters_PagesAreFullAndYieldExactlyTheMatches()
    {
        var random = new Random(42);
        string[] plans = [TestIds.Plan(), TestIds.Plan()];
        var newestOfPlan = new Dictionary<string, Execution>();
        for (var i = 0; i < 36; i++)
        {
            var planId = plans[random.Next(plans.Length)];
            if (newestOfPlan.TryGetValue(planId, out var previous))
            {
                // One active execution per plan: end the previous one before starting the next.
                previous.RequestCancel("operator@example.test", ExecutionBuilder.Now.AddMinutes(i));
                await Executions.SaveAsync(previous, default);
            }

            var type = random.Next(3) == 0 ? ExecutionType.Recovery : ExecutionType.Drill;
            newestOfPlan[planId] = await Executions.CreateAsync(
                new ExecutionBuilder().ForPlan(planId).OfType(type).CreatedAt(ExecutionBuilder.Now.AddMinutes(i)).Build(), [], default);
        }

        var all = (await Executions.ListAsync(null, PageRequest.First(PageRequest.MaxLimit), default)).Items;
        Assert.Equal(36, all.Count);
        for (var trial = 0; trial < Trials * 2; trial++)
        {
            var filter = new ExecutionListFilter(
                random.Next(2) == 0 ? (random.Next(2) == 0 ? ExecutionStatus.Cancelled : ExecutionStatus.Pending) : null,
                random.Next(2) == 0 ? plans[random.Next(plans.Length)] : null,
                random.Next(3) > 0 ? (random.Next(2) == 0 ? ExecutionType.Recovery : ExecutionType.Drill) : null);
            var limit = random.Next(1, 8);
            var expected = all.Where(e =>
                    (filter.Status is null || e.Status == filter.Status)
                    && (filter.PlanId is null || e.PlanId == filter.PlanId)
                    && (filter.Type is null || e.Type == filter.Type))
                .Select(e => e.ExecutionId)
                .ToList();

            var pages = await PageThroughAsync(limit, request => Executions.ListMatchingAsync(filter, request, default), e => e.ExecutionId);

            AssertFullPages(expected, pages, limit, $"{filter} limit {limit}");
        }
    }

    [Fact]
    public async Task ExecutionsListMatchingAsync_StatusAndPlanWithOnlyMatchBehindNonMatches_FirstPageHoldsIt()
    {
        var planId = TestIds.Plan();
        Execution? previous = null;
        for (var i = 0; i < 6; i++)
        {
            if (previous is not null)
            {
                previous.RequestCancel("operator@example.test", ExecutionBuilder.Now.AddMinutes(i));
                await Executions.SaveAsync(previous, default);
            }

            previous = await Executions.CreateAsync(new ExecutionBuilder().ForPlan(planId).CreatedAt(ExecutionBuilder.Now.AddMinutes(i)).Build(), [], default);
        }

        // Newest first: the one PENDING execution is first, the CANCELLED ones follow it.
        var oldestCancelled = await Executions.ListMatchingAsync(new ExecutionListFilter(ExecutionStatus.Cancelled, planId), PageRequest.First(5), default);
        var pending = await Executions.ListMatchingAsync(new ExecutionListFilter(ExecutionStatus.Pending, planId), PageRequest.First(1), default);

        Assert.Equal(5, oldestCancelled.Items.Count);
        Assert.Null(oldestCancelled.NextToken);
        Assert.Equal(previous!.ExecutionId, Assert.Single(pending.Items).ExecutionId);
        Assert.Null(pending.NextToken);
    }

    [Fact]
    public async Task GroupsListMatchingAsync_ReadBudgetSmallerThanTheGapBetweenMatches_ShortPagesStillYieldEveryMatchOnce()
    {
        for (var i = 0; i < 24; i++)
        {
            await Groups.CreateAsync(new ProtectionGroupBuilder().WithName(i % 6 == 0 ? $"needle-{i}" : $"hay-{i}").Build(), default);
        }

        var all = (await Groups.ListAsync(PageRequest.First(PageRequest.MaxLimit), default)).Items;
        var expected = all.Where(g => g.Name.StartsWith("needle", StringComparison.Ordinal)).Select(g => g.GroupId).ToList();
        var budgeted = new DynamoDbProtectionGroupRepository(Client, Options with { ListReadBudget = 3 }, Time);

        var pages = await PageThroughAsync(2, request => budgeted.ListMatchingAsync(new ProtectionGroupFilter(NameContains: "NEEDLE"), request, default), g => g.GroupId);

        Assert.Equal(expected, pages.SelectMany(p => p.Ids));
        Assert.Contains(pages, p => p.Ids.Count < 2 && p.NextToken is not null); // the cap cut a page short
        Assert.All(pages, p => Assert.True(p.Ids.Count <= 2));
    }

    [Fact]
    public async Task ListMatchingAsync_TokenOfTheLastReturnedItem_ResumesRightAfterIt()
    {
        for (var i = 0; i < 6; i++)
        {
            await Groups.CreateAsync(new ProtectionGroupBuilder().WithName($"resume-{i}").Build(), default);
        }

        var first = await Groups.ListMatchingAsync(new ProtectionGroupFilter(NameContains: "resume"), PageRequest.First(2), default);
        var all = (await Groups.ListAsync(PageRequest.First(PageRequest.MaxLimit), default)).Items.Select(g => g.GroupId).ToList();
        var second = await Groups.ListMatchingAsync(new ProtectionGroupFilter(NameContains: "resume"), new PageRequest(3, first.NextToken), default);

        Assert.Equal(all[..2], first.Items.Select(g => g.GroupId));
        Assert.Equal(all[2..5], second.Items.Select(g => g.GroupId));
        Assert.NotNull(second.NextToken);
    }

    [Fact]
    public async Task ListMatchingAsync_TamperedToken_ThrowsInvalidPaginationToken()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Executions.ListMatchingAsync(new ExecutionListFilter(Type: ExecutionType.Drill), new PageRequest(5, "eyJncm91cElkIjp7IlMiOiJ4In19"), default));

        Assert.Equal(ErrorCodes.InvalidPaginationToken, error.Code);
    }

    private static async Task<List<(List<string> Ids, string? NextToken)>> PageThroughAsync<T>(
        int limit, Func<PageRequest, Task<Page<T>>> list, Func<T, string> id)
    {
        var pages = new List<(List<string> Ids, string? NextToken)>();
        var request = PageRequest.First(limit);
        do
        {
            var page = await list(request);
            pages.Add((page.Items.Select(id).ToList(), page.NextToken));
            request = request with { NextToken = page.NextToken };
            Assert.True(pages.Count <= 100, "paging did not end");
        }
        while (request.NextToken is not null);

        return pages;
    }

    private static void AssertFullPages(List<string> expected, List<(List<string> Ids, string? NextToken)> pages, int limit, string because)
    {
        Assert.True(expected.SequenceEqual(pages.SelectMany(p => p.Ids)), $"{because}: pages do not yield exactly the matches in order");
        Assert.All(pages.SkipLast(1), p => Assert.True(p.Ids.Count == limit, $"{because}: a page before the last holds {p.Ids.Count}"));
        var last = pages[^1].Ids.Count;
        Assert.True(expected.Count == 0 ? last == 0 : last >= 1 && last <= limit, $"{because}: the last page holds {last}");
    }
}
