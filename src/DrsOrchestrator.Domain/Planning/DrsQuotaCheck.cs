using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Planning;

/// <summary>
/// Whether DRS has room to launch servers right now. Insufficient does not mean the wave cannot run
/// (the planner queues jobs beyond capacity); it tells an operator the launch will not start all at once.
/// </summary>
public static class DrsQuotaCheck
{
    public static QuotaCheckResult CheckLaunchCapacity(QuotaUsageReading? reading, int requestedServers, DrsLimits? limits = null)
    {
        limits ??= DrsLimits.Default;
        limits.EnsureUsable();
        ArgumentOutOfRangeException.ThrowIfNegative(requestedServers);
        if (reading is null)
        {
            return QuotaCheckResult.Unknown("No DRS usage figures could be read.");
        }

        if (reading.ActiveJobs is not { } jobs || jobs < 0)
        {
            return QuotaCheckResult.Unknown($"The number of active DRS jobs in {reading.Location} could not be read.", reading.Location);
        }

        if (reading.ServersInActiveJobs is not { } servers || servers < 0)
        {
            return QuotaCheckResult.Unknown($"The number of servers in active DRS jobs in {reading.Location} could not be read.", reading.Location);
        }

        var jobsNeeded = (requestedServers + limits.MaxServersPerJob - 1) / limits.MaxServersPerJob;
        var figures = new[]
        {
            new QuotaFigures("concurrentJobs", limits.MaxConcurrentJobs, jobs, jobsNeeded),
            new QuotaFigures("serversInActiveJobs", limits.MaxServersInActiveJobs, servers, requestedServers),
        };
        var shortfalls = new List<string>();
        if (jobs + jobsNeeded > limits.MaxConcurrentJobs)
        {
            shortfalls.Add($"{jobsNeeded} jobs needed with {jobs} of {limits.MaxConcurrentJobs} concurrent jobs running in {reading.Location}.");
        }

        if (servers + requestedServers > limits.MaxServersInActiveJobs)
        {
            shortfalls.Add($"{requestedServers} servers needed with {servers} of {limits.MaxServersInActiveJobs} already in active jobs in {reading.Location}.");
        }

        return shortfalls.Count > 0
            ? QuotaCheckResult.Insufficient(string.Join(" ", shortfalls), reading.Location, figures)
            : QuotaCheckResult.Sufficient(reading.Location, figures);
    }

    /// <summary>A wave's servers against the readings for every account and region they live in; a missing reading is Unknown.</summary>
    public static QuotaCheckResult CheckWave(IEnumerable<SourceServerRef> servers, IEnumerable<QuotaUsageReading> readings, DrsLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(readings);
        var byLocation = readings.GroupBy(r => r.Location).ToDictionary(g => g.Key, g => g.Last());
        return QuotaCheckResult.Combine(
            servers.GroupBy(s => s.Location)
                .Select(g => byLocation.TryGetValue(g.Key, out var reading)
                    ? CheckLaunchCapacity(reading, g.Count(), limits)
                    : QuotaCheckResult.Unknown($"No DRS usage figures for {g.Key}.", g.Key)));
    }
}
