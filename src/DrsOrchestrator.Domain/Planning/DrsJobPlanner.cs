using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Planning;

/// <summary>
/// Turns a wave's servers into DRS recovery jobs and decides which may start now. DRS rejects a job
/// over its per-job size and refuses new jobs past its concurrency limits, so rather than fail a wave
/// the engine starts what fits and starts the rest as running jobs complete.
/// </summary>
public sealed class DrsJobPlanner
{
    private readonly DrsLimits limits;

    public DrsJobPlanner(DrsLimits? limits = null)
    {
        this.limits = limits ?? DrsLimits.Default;
        this.limits.EnsureUsable();
    }

    public DrsLimits Limits => limits;

    /// <summary>
    /// One or more jobs per account and region (a job cannot span them), each at most
    /// <see cref="DrsLimits.MaxServersPerJob"/> servers, sizes balanced so no job is a small remainder.
    /// Locations keep the order in which they first appear; servers keep input order.
    /// </summary>
    public IReadOnlyList<PlannedJob> Plan(IEnumerable<SourceServerRef> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var byLocation = new Dictionary<AccountRegion, List<string>>();
        var order = new List<AccountRegion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in servers)
        {
            if (!seen.Add(server.SourceServerId))
            {
                throw new ArgumentException($"Source server {server.SourceServerId} is listed twice.", nameof(servers));
            }

            if (!byLocation.TryGetValue(server.Location, out var list))
            {
                list = [];
                byLocation[server.Location] = list;
                order.Add(server.Location);
            }

            list.Add(server.SourceServerId);
        }

        var jobs = new List<PlannedJob>();
        foreach (var location in order)
        {
            var ids = byLocation[location];
            var jobCount = (ids.Count + limits.MaxServersPerJob - 1) / limits.MaxServersPerJob;
            var offset = 0;
            for (var j = 0; j < jobCount; j++)
            {
                var size = (ids.Count / jobCount) + (j < ids.Count % jobCount ? 1 : 0);
                jobs.Add(new PlannedJob(jobs.Count, location, ids.GetRange(offset, size)));
                offset += size;
            }
        }

        return jobs;
    }

    /// <summary>
    /// Picks the jobs that may start given what already runs. A location missing from
    /// <paramref name="usage"/> has unknown usage, and its jobs wait: starting blind could break a limit.
    /// A smaller job later in the plan may start when an earlier, larger one does not fit.
    /// </summary>
    public JobSchedule Schedule(IEnumerable<PlannedJob> pending, IReadOnlyDictionary<AccountRegion, CapacityUsage> usage)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(usage);
        var projected = new Dictionary<AccountRegion, CapacityUsage>(usage);
        var startNow = new List<PlannedJob>();
        var waiting = new List<WaitingJob>();
        foreach (var job in pending.OrderBy(j => j.Sequence))
        {
            if (job.SourceServerIds.Count > limits.MaxServersPerJob)
            {
                throw new ArgumentException($"Job {job.Sequence} has {job.SourceServerIds.Count} servers; DRS allows {limits.MaxServersPerJob}.", nameof(pending));
            }

            if (!projected.TryGetValue(job.Location, out var current))
            {
                waiting.Add(new WaitingJob(job, $"Current DRS usage in {job.Location} is unknown."));
                continue;
            }

            if (current.ActiveJobs + 1 > limits.MaxConcurrentJobs)
            {
                waiting.Add(new WaitingJob(job, $"{current.ActiveJobs} of {limits.MaxConcurrentJobs} concurrent jobs are running in {job.Location}."));
                continue;
            }

            if (current.ServersInActiveJobs + job.SourceServerIds.Count > limits.MaxServersInActiveJobs)
            {
                waiting.Add(new WaitingJob(job, $"{current.ServersInActiveJobs} of {limits.MaxServersInActiveJobs} servers are in active jobs in {job.Location}; this job needs {job.SourceServerIds.Count}."));
                continue;
            }

            projected[job.Location] = current.Plus(job);
            startNow.Add(job);
        }

        return new JobSchedule(startNow, waiting, projected);
    }
}
