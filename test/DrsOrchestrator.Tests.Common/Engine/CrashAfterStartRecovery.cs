using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Tests.Common.Engine;

/// <summary>
/// Crash injection: the first StartRecovery after <see cref="Arm"/> reaches DRS and succeeds, then the
/// connection "drops" before the engine sees the answer, exactly like a Lambda dying after the call.
/// </summary>
public sealed class CrashAfterStartRecovery(IDrsClientFactory inner) : IDrsClientFactory
{
    private int _armed;

    public int Crashes { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public IDrsClient For(string accountId, string region) => new Client(this, inner.For(accountId, region));

    private bool TakeCrash()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Crashes++;
            return true;
        }

        return false;
    }

    private sealed class Client(CrashAfterStartRecovery owner, IDrsClient inner) : IDrsClient
    {
        public string AccountId => inner.AccountId;

        public string Region => inner.Region;

        public async Task<DrsJob> StartRecoveryAsync(DrsStartRecoveryRequest request, CancellationToken cancellationToken)
        {
            var job = await inner.StartRecoveryAsync(request, cancellationToken);
            if (owner.TakeCrash())
            {
                throw new HttpRequestException($"Connection reset after DRS accepted job {job.JobId} (injected crash).");
            }

            return job;
        }

        public Task<DrsPage<DrsJob>> DescribeJobsAsync(DrsJobQuery query, CancellationToken cancellationToken) => inner.DescribeJobsAsync(query, cancellationToken);

        public Task<DrsPage<DrsJobLogItem>> DescribeJobLogItemsAsync(string jobId, DrsPageRequest page, CancellationToken cancellationToken) => inner.DescribeJobLogItemsAsync(jobId, page, cancellationToken);

        public Task<DrsPage<DrsSourceServer>> DescribeSourceServersAsync(DrsSourceServerQuery query, CancellationToken cancellationToken) => inner.DescribeSourceServersAsync(query, cancellationToken);

        public Task<DrsPage<DrsRecoveryInstance>> DescribeRecoveryInstancesAsync(DrsRecoveryInstanceQuery query, CancellationToken cancellationToken) => inner.DescribeRecoveryInstancesAsync(query, cancellationToken);

        public Task<DrsJob> TerminateRecoveryInstancesAsync(IReadOnlyList<string> recoveryInstanceIds, CancellationToken cancellationToken) => inner.TerminateRecoveryInstancesAsync(recoveryInstanceIds, cancellationToken);

        public Task<DrsLaunchConfiguration> GetLaunchConfigurationAsync(string sourceServerId, CancellationToken cancellationToken) => inner.GetLaunchConfigurationAsync(sourceServerId, cancellationToken);

        public Task<DrsLaunchConfiguration> UpdateLaunchConfigurationAsync(DrsLaunchConfigurationUpdate update, CancellationToken cancellationToken) => inner.UpdateLaunchConfigurationAsync(update, cancellationToken);

        public Task<DrsPage<DrsRecoverySnapshot>> DescribeRecoverySnapshotsAsync(DrsRecoverySnapshotQuery query, CancellationToken cancellationToken) => inner.DescribeRecoverySnapshotsAsync(query, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken) => inner.ListTagsForResourceAsync(resourceArn, cancellationToken);

        public Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => inner.TagResourceAsync(resourceArn, tags, cancellationToken);

        public Task UntagResourceAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) => inner.UntagResourceAsync(resourceArn, tagKeys, cancellationToken);
    }
}
