namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>
/// AWS Elastic Disaster Recovery for one account and region. Implementations raise the exceptions
/// derived from <see cref="AwsServiceException"/> so callers can react to throttling, quotas and
/// conflicts without knowing the wire format.
/// </summary>
public interface IDrsClient
{
    string AccountId { get; }

    string Region { get; }

    /// <summary>Starts a recovery (or drill) job. DRS takes no client token, so callers tag the job to find it again on retry.</summary>
    Task<DrsJob> StartRecoveryAsync(DrsStartRecoveryRequest request, CancellationToken cancellationToken);

    Task<DrsPage<DrsJob>> DescribeJobsAsync(DrsJobQuery query, CancellationToken cancellationToken);

    Task<DrsPage<DrsJobLogItem>> DescribeJobLogItemsAsync(string jobId, DrsPageRequest page, CancellationToken cancellationToken);

    Task<DrsPage<DrsSourceServer>> DescribeSourceServersAsync(DrsSourceServerQuery query, CancellationToken cancellationToken);

    Task<DrsPage<DrsRecoveryInstance>> DescribeRecoveryInstancesAsync(DrsRecoveryInstanceQuery query, CancellationToken cancellationToken);

    /// <summary>Terminates recovery instances; DRS runs the termination as a job, which is returned.</summary>
    Task<DrsJob> TerminateRecoveryInstancesAsync(IReadOnlyList<string> recoveryInstanceIds, CancellationToken cancellationToken);

    Task<DrsLaunchConfiguration> GetLaunchConfigurationAsync(string sourceServerId, CancellationToken cancellationToken);

    /// <summary>Changes only the members that are set on <paramref name="update"/>; DRS leaves the rest as they are.</summary>
    Task<DrsLaunchConfiguration> UpdateLaunchConfigurationAsync(DrsLaunchConfigurationUpdate update, CancellationToken cancellationToken);

    Task<DrsPage<DrsRecoverySnapshot>> DescribeRecoverySnapshotsAsync(DrsRecoverySnapshotQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken);

    Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    Task UntagResourceAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken);
}
