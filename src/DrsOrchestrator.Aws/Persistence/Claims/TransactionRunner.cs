using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>
/// Runs one TransactWriteItems call and turns a cancellation into the domain error of the first item
/// whose condition failed. A TransactionConflict (another transaction touching the same item right now)
/// is retried with jittered backoff: after the other writer commits, our conditions are evaluated against
/// its result, so the loser of a race sees a real condition failure rather than a transient error.
/// </summary>
internal sealed class TransactionRunner(IAmazonDynamoDB client)
{
    public const int MaxItemsPerTransaction = 100;
    private const int MaxAttempts = 12;

    public async Task RunAsync(IReadOnlyList<(TransactWriteItem Item, Func<CancellationReason, Exception> OnConditionFailed)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (items.Count > MaxItemsPerTransaction)
        {
            throw new InvalidOperationException($"A transaction holds at most {MaxItemsPerTransaction} items; got {items.Count}.");
        }

        var request = new TransactWriteItemsRequest { TransactItems = items.Select(i => i.Item).ToList() };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TransactionCanceledException ex)
            {
                var reasons = ex.CancellationReasons ?? [];
                for (var i = 0; i < reasons.Count && i < items.Count; i++)
                {
                    if (reasons[i].Code == "ConditionalCheckFailed")
                    {
                        throw items[i].OnConditionFailed(reasons[i]);
                    }
                }

                if (!reasons.Any(r => r.Code == "TransactionConflict") || attempt >= MaxAttempts)
                {
                    throw reasons.Any(r => r.Code == "TransactionConflict")
                        ? DomainException.Conflict(ErrorCodes.VersionConflict, "Another writer kept changing the same items; retry the request.")
                        : ex;
                }
            }
            catch (TransactionInProgressException) when (attempt < MaxAttempts)
            {
            }

            await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * Math.Min(attempt, 6));
}
