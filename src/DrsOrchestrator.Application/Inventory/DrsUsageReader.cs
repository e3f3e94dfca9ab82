using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Application.Inventory;

/// <summary>Reads DRS usage (jobs not yet completed, servers in them, replicating servers) through the location's own client.</summary>
public sealed class DrsUsageReader(IDrsClientFactory drs, TimeProvider time)
{
    /// <summary>DRS states in which a server no longer replicates, so it does not count against the replicating quota.</summary>
    public static readonly IReadOnlySet<string> NotReplicatingStates = new HashSet<string>(StringComparer.Ordinal) { "DISCONNECTED", "STOPPED" };

    /// <summary>Never throws for a DRS or network failure: the reading carries the error and null figures instead.</summary>
    public async Task<DrsUsage> ReadAsync(AccountRegion location, CancellationToken cancellationToken)
    {
        var client = drs.For(location.AccountId, location.Region);
        try
        {
            int jobs = 0, inJobs = 0;
            await foreach (var job in client.DescribeAllJobsAsync(new DrsJobQuery(), cancellationToken).ConfigureAwait(false))
            {
                if (job.Status != DrsJobStatus.Completed && !string.Equals(job.Type, "TERMINATE", StringComparison.Ordinal))
                {
                    jobs++;
                    inJobs += job.ParticipatingServers.Count;
                }
            }

            int servers = 0, replicating = 0;
            await foreach (var server in client.DescribeAllSourceServersAsync(new DrsSourceServerQuery(), cancellationToken).ConfigureAwait(false))
            {
                servers++;
                if (!NotReplicatingStates.Contains(server.ReplicationState ?? ""))
                {
                    replicating++;
                }
            }

            return new DrsUsage(location, jobs, inJobs, servers, replicating, null, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DomainException)
        {
            return new DrsUsage(location, null, null, null, null, Describe(ex), time.GetUtcNow());
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        AwsServiceException aws => $"{aws.Service} {aws.ErrorCode}: {aws.Message}",
        DomainException domain => $"{domain.Code}: {domain.Message}",
        _ => ex.Message,
    };
}
