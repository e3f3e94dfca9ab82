using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Tests.Common.Builders;
using FsCheck;
using FsCheck.Fluent;

namespace DrsOrchestrator.Domain.Tests.Planning;

public sealed class DrsJobPlannerPropertyTests
{
    private static readonly Config Config200 = Config.QuickThrowOnFailure.WithMaxTest(200);

    /// <summary>
    /// The shape of a case; the servers and the pre-existing jobs are derived from <see cref="Seed"/> so a
    /// failing case prints everything needed to replay it.
    /// </summary>
    internal sealed record PlannerCase(int ServerCount, int LocationCount, int Seed, bool SaturateFirstLocation);

    private static Arbitrary<PlannerCase> Cases() =>
        (from servers in Gen.Frequency((1, Gen.Choose(0, 10)), (3, Gen.Choose(0, 5000)))
         from locations in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, int.MaxValue)
         from saturate in Gen.Elements(false, false, true)
         select new PlannerCase(servers, locations, seed, saturate)).ToArbitrary();

    [Fact]
    public void Plan_AnyServers_CoversEveryServerExactlyOnceInJobsWithinTheSizeLimit()
    {
        var planner = new DrsJobPlanner();
        Check.One(Config200, Prop.ForAll(Cases(), c =>
        {
            var servers = ServersFor(c);
            var jobs = planner.Plan(servers);

            var planned = jobs.SelectMany(j => j.SourceServerIds).ToList();
            var locationOf = servers.ToDictionary(s => s.SourceServerId, s => s.Location);
            return planned.Count == servers.Count
                && planned.ToHashSet().SetEquals(servers.Select(s => s.SourceServerId))
                && jobs.All(j => j.SourceServerIds.Count is > 0 and <= 100)
                && jobs.All(j => j.SourceServerIds.All(id => locationOf[id] == j.Location))
                && jobs.Select(j => j.Sequence).SequenceEqual(Enumerable.Range(0, jobs.Count));
        }));
    }

    [Fact]
    public void Schedule_SimulatedStepByStep_NeverExceedsConcurrencyLimitsAndStartsEveryJob()
    {
        var limits = DrsLimits.Default;
        var planner = new DrsJobPlanner(limits);
        Check.One(Config200, Prop.ForAll(Cases(), c =>
        {
            var random = new Random(c.Seed);
            var servers = ServersFor(c);
            var pending = planner.Plan(servers).ToList();
            var locations = servers.Select(s => s.Location).Distinct().ToList();
            var active = PreExistingJobs(c, locations, random);
            var started = new List<PlannedJob>();

            for (var round = 0; pending.Count > 0; round++)
            {
                var usage = Usage(active, locations);
                var schedule = planner.Schedule(pending, usage);
                foreach (var job in schedule.StartNow)
                {
                    active.Add((job.Location, job.SourceServerIds.Count));
                    started.Add(job);
                    pending.Remove(job);
                }

                var after = Usage(active, locations);
                foreach (var location in schedule.StartNow.Select(j => j.Location).Distinct())
                {
                    if (after[location].ActiveJobs > limits.MaxConcurrentJobs || after[location].ServersInActiveJobs > limits.MaxServersInActiveJobs)
                    {
                        throw new InvalidOperationException($"Round {round}: {location} reached {after[location]} for {c}.");
                    }
                }

                if (schedule.Waiting.Count != pending.Count)
                {
                    throw new InvalidOperationException($"Round {round}: {schedule.Waiting.Count} waiting but {pending.Count} pending for {c}.");
                }

                if (pending.Count > 0 && schedule.StartNow.Count == 0 && active.Count == 0)
                {
                    throw new InvalidOperationException($"Round {round}: nothing runs and nothing may start for {c}.");
                }

                CompleteSomeJobs(active, random);
            }

            return started.Sum(j => j.SourceServerIds.Count) == servers.Count;
        }));
    }

    private static List<SourceServerRef> ServersFor(PlannerCase c)
    {
        var random = new Random(c.Seed ^ 0x5EED);
        var locations = Enumerable.Range(0, c.LocationCount)
            .Select(i => new AccountRegion(TestIds.AccountId(i % 2), i < 2 ? TestIds.Region : TestIds.OtherRegion))
            .ToArray();
        return [.. Enumerable.Range(0, c.ServerCount).Select(i =>
        {
            var location = locations[random.Next(locations.Length)];
            return new SourceServerRef(TestIds.SourceServerId(i + 1), location.AccountId, location.Region);
        })];
    }

    /// <summary>Jobs already running before the wave, possibly more than the limits allow (started outside this orchestrator).</summary>
    private static List<(AccountRegion Location, int Servers)> PreExistingJobs(PlannerCase c, List<AccountRegion> locations, Random random)
    {
        var jobs = new List<(AccountRegion, int)>();
        foreach (var location in locations)
        {
            var saturated = c.SaturateFirstLocation && location == locations[0];
            var count = saturated ? 20 : random.Next(0, 23);
            for (var i = 0; i < count; i++)
            {
                jobs.Add((location, saturated ? 25 : random.Next(1, 101)));
            }
        }

        return jobs;
    }

    private static Dictionary<AccountRegion, CapacityUsage> Usage(List<(AccountRegion Location, int Servers)> active, List<AccountRegion> locations) =>
        locations.ToDictionary(
            l => l,
            l => new CapacityUsage(active.Count(a => a.Location == l), active.Where(a => a.Location == l).Sum(a => a.Servers)));

    private static void CompleteSomeJobs(List<(AccountRegion Location, int Servers)> active, Random random)
    {
        if (active.Count == 0)
        {
            return;
        }

        var toComplete = random.Next(1, Math.Max(2, active.Count / 2));
        for (var i = 0; i < toComplete && active.Count > 0; i++)
        {
            active.RemoveAt(random.Next(active.Count));
        }
    }
}
