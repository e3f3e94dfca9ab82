using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <summary>An aggregate row write with a condition, and the domain error when the condition fails (given the stored item, if any).</summary>
internal sealed record GuardedWrite(TransactWriteItem Item, Func<Dictionary<string, AttributeValue>?, DomainException> OnConditionFailed)
{
    /// <summary>The item as <see cref="TransactionRunner"/> takes it; a cancellation reason without an old image means "no stored item".</summary>
    public (TransactWriteItem Item, Func<CancellationReason, Exception> OnConditionFailed) ForRunner() =>
        (Item, reason => OnConditionFailed(reason.Item is { Count: > 0 } item ? item : null));
}
