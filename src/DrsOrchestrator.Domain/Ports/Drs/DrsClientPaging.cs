using System.Runtime.CompilerServices;

namespace DrsOrchestrator.Domain.Ports.Drs;

/// <summary>Follows nextToken so callers that need the whole list do not each write the loop.</summary>
public static class DrsClientPaging
{
    public static async IAsyncEnumerable<DrsSourceServer> DescribeAllSourceServersAsync(
        this IDrsClient client, DrsSourceServerQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = query;
        while (true)
        {
            var page = await client.DescribeSourceServersAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(page.NextToken))
            {
                yield break;
            }

            current = current with { NextToken = page.NextToken };
        }
    }

    public static async IAsyncEnumerable<DrsJob> DescribeAllJobsAsync(
        this IDrsClient client, DrsJobQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = query;
        while (true)
        {
            var page = await client.DescribeJobsAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(page.NextToken))
            {
                yield break;
            }

            current = current with { NextToken = page.NextToken };
        }
    }

    public static async IAsyncEnumerable<DrsJobLogItem> DescribeAllJobLogItemsAsync(
        this IDrsClient client, string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = DrsPageRequest.First;
        while (true)
        {
            var result = await client.DescribeJobLogItemsAsync(jobId, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(result.NextToken))
            {
                yield break;
            }

            page = page with { NextToken = result.NextToken };
        }
    }

    public static async IAsyncEnumerable<DrsRecoveryInstance> DescribeAllRecoveryInstancesAsync(
        this IDrsClient client, DrsRecoveryInstanceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = query;
        while (true)
        {
            var page = await client.DescribeRecoveryInstancesAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(page.NextToken))
            {
                yield break;
            }

            current = current with { NextToken = page.NextToken };
        }
    }
}
