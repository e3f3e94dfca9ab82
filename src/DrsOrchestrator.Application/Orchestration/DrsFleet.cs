using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Planning;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Domain.Ports.Ec2;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>
/// The DRS reads the engine makes, each through the client of the server's own account and region, and
/// the EC2 client of the same account and region for the launch templates DRS launches with.
/// </summary>
internal sealed class DrsFleet(IDrsClientFactory clients, IEc2ClientFactory ec2)
{
    private const int JobIdsPerCall = 100;

    public IDrsClient For(AccountRegion location) => clients.For(location.AccountId, location.Region);

    public IEc2Client Ec2For(AccountRegion location) => ec2.For(location.AccountId, location.Region);

    /// <summary>
    /// Jobs not yet COMPLETED and the servers in them, per location. A location whose jobs cannot be read
    /// gets a reading of nulls: the quota check reports it as unknown and the planner does not start blind.
    /// </summary>
    public async Task<IReadOnlyList<QuotaUsageReading>> ReadUsageAsync(IEnumerable<AccountRegion> locations, CancellationToken cancellationToken)
    {
        var readings = new List<QuotaUsageReading>();
        foreach (var location in locations.Distinct())
        {
            try
            {
                int jobs = 0, servers = 0;
                await foreach (var job in For(location).DescribeAllJobsAsync(new DrsJobQuery(), cancellationToken).ConfigureAwait(false))
                {
                    if (job.Status != DrsJobStatus.Completed && !string.Equals(job.Type, "TERMINATE", StringComparison.Ordinal))
                    {
                        jobs++;
                        servers += job.ParticipatingServers.Count;
                    }
                }

                readings.Add(new QuotaUsageReading(location, jobs, servers, null));
            }
            catch (AwsServiceException)
            {
                readings.Add(new QuotaUsageReading(location, null, null, null));
            }
            catch (HttpRequestException)
            {
                readings.Add(new QuotaUsageReading(location, null, null, null));
            }
        }

        return readings;
    }

    public static IReadOnlyDictionary<AccountRegion, CapacityUsage> ToUsage(IEnumerable<QuotaUsageReading> readings) =>
        readings
            .Where(r => r.ActiveJobs is not null && r.ServersInActiveJobs is not null)
            .ToDictionary(r => r.Location, r => new CapacityUsage(r.ActiveJobs!.Value, r.ServersInActiveJobs!.Value));

    /// <summary>The job a previous attempt started for <paramref name="requestId"/>, found by its tag.</summary>
    public async Task<DrsJob?> FindByRequestIdAsync(AccountRegion location, string requestId, DateTimeOffset intentRecordedAt, CancellationToken cancellationToken)
    {
        // DRS records creation time on its own clock; a margin keeps clock skew from hiding the job.
        var query = new DrsJobQuery(FromDate: intentRecordedAt - TimeSpan.FromMinutes(15));
        await foreach (var job in For(location).DescribeAllJobsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (job.Tags.TryGetValue(JobTags.RequestId, out var tagged) && string.Equals(tagged, requestId, StringComparison.Ordinal))
            {
                return job;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<DrsJob>> DescribeJobsAsync(AccountRegion location, IEnumerable<string> jobIds, CancellationToken cancellationToken)
    {
        var result = new List<DrsJob>();
        foreach (var chunk in jobIds.Distinct(StringComparer.Ordinal).Chunk(JobIdsPerCall))
        {
            await foreach (var job in For(location).DescribeAllJobsAsync(new DrsJobQuery(JobIds: chunk), cancellationToken).ConfigureAwait(false))
            {
                result.Add(job);
            }
        }

        return result;
    }
}
