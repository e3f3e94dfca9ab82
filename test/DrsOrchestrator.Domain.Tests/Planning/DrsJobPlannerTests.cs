using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Tests.Common.Builders;

namespace DrsOrchestrator.Domain.Tests.Planning;

public sealed class DrsJobPlannerTests
{
    private static readonly AccountRegion Home = new(TestIds.AccountId(1), TestIds.Region);
    private static readonly AccountRegion Away = new(TestIds.AccountId(2), TestIds.OtherRegion);

    [Fact]
    public void Plan_250ServersInOneLocation_SplitsIntoThreeBalancedJobs()
    {
        var planner = new DrsJobPlanner();

        var jobs = planner.Plan(ExecutionBuilder.Servers(250));

        Assert.Equal([84, 83, 83], jobs.Select(j => j.SourceServerIds.Count));
        Assert.All(jobs, j => Assert.Equal(Home, j.Location));
    }

    [Fact]
    public void Plan_ServersInTwoLocations_NeverMixesLocationsInAJob()
    {
        var servers = ExecutionBuilder.Servers(3, 1).Concat(ExecutionBuilder.Servers(2, 100, Away.AccountId, Away.Region)).ToList();

        var jobs = new DrsJobPlanner().Plan(servers);

        Assert.Equal(2, jobs.Count);
        Assert.Equal((Home, 3), (jobs[0].Location, jobs[0].SourceServerIds.Count));
        Assert.Equal((Away, 2), (jobs[1].Location, jobs[1].SourceServerIds.Count));
    }

    [Fact]
    public void Plan_NoServers_PlansNoJobs()
    {
        Assert.Empty(new DrsJobPlanner().Plan([]));
    }

    [Fact]
    public void Plan_DuplicateServer_Throws()
    {
        var server = ExecutionBuilder.Servers(1)[0];

        Assert.Throws<ArgumentException>(() => new DrsJobPlanner().Plan([server, server]));
    }

    [Fact]
    public void Plan_CustomJobSize_UsesIt()
    {
        var jobs = new DrsJobPlanner(new DrsLimits { MaxServersPerJob = 10 }).Plan(ExecutionBuilder.Servers(25));

        Assert.Equal([9, 8, 8], jobs.Select(j => j.SourceServerIds.Count));
    }

    [Fact]
    public void Schedule_EmptyLocation_StartsUpToFiveFullJobs()
    {
        var planner = new DrsJobPlanner();
        var jobs = planner.Plan(ExecutionBuilder.Servers(1000));

        var schedule = planner.Schedule(jobs, new Dictionary<AccountRegion, CapacityUsage> { [Home] = CapacityUsage.None });

        Assert.Equal(5, schedule.StartNow.Count);
        Assert.Equal(5, schedule.Waiting.Count);
        Assert.Equal(new CapacityUsage(5, 500), schedule.ProjectedUsage[Home]);
    }

    [Fact]
    public void Schedule_TwentyJobsAlreadyRunning_Waits()
    {
        var planner = new DrsJobPlanner();
        var jobs = planner.Plan(ExecutionBuilder.Servers(1));

        var schedule = planner.Schedule(jobs, new Dictionary<AccountRegion, CapacityUsage> { [Home] = new(20, 20) });

        Assert.Empty(schedule.StartNow);
        Assert.Contains("concurrent jobs", schedule.Waiting.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_ServerCapacityLeftForSmallJobOnly_StartsTheSmallerLaterJob()
    {
        var planner = new DrsJobPlanner();
        var big = new PlannedJob(0, Home, TestIds.SourceServerIds(100));
        var small = new PlannedJob(1, Home, TestIds.SourceServerIds(30, 500));

        var schedule = planner.Schedule([big, small], new Dictionary<AccountRegion, CapacityUsage> { [Home] = new(3, 450) });

        Assert.Equal([small], schedule.StartNow);
        Assert.Equal(big, schedule.Waiting.Single().Job);
    }

    [Fact]
    public void Schedule_UsageUnknownForLocation_WaitsInsteadOfStartingBlind()
    {
        var planner = new DrsJobPlanner();
        var jobs = planner.Plan(ExecutionBuilder.Servers(5));

        var schedule = planner.Schedule(jobs, new Dictionary<AccountRegion, CapacityUsage>());

        Assert.Empty(schedule.StartNow);
        Assert.Contains("unknown", schedule.Waiting.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_OneLocationFull_OtherLocationStillStarts()
    {
        var planner = new DrsJobPlanner();
        var jobs = planner.Plan(ExecutionBuilder.Servers(5).Concat(ExecutionBuilder.Servers(5, 100, Away.AccountId, Away.Region)));

        var schedule = planner.Schedule(jobs, new Dictionary<AccountRegion, CapacityUsage> { [Home] = new(20, 100), [Away] = CapacityUsage.None });

        Assert.Equal(Away, schedule.StartNow.Single().Location);
    }

    [Fact]
    public void Schedule_JobLargerThanLimit_Throws()
    {
        var planner = new DrsJobPlanner();
        var job = new PlannedJob(0, Home, TestIds.SourceServerIds(101));

        Assert.Throws<ArgumentException>(() => planner.Schedule([job], new Dictionary<AccountRegion, CapacityUsage> { [Home] = CapacityUsage.None }));
    }

    [Fact]
    public void Constructor_ZeroLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrsJobPlanner(new DrsLimits { MaxConcurrentJobs = 0 }));
    }
}
