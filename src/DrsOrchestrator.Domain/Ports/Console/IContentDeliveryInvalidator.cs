namespace DrsOrchestrator.Domain.Ports.Console;

/// <summary>Drops cached copies at the edge (CloudFront in production) after the console changed.</summary>
public interface IContentDeliveryInvalidator
{
    /// <param name="callerReference">Makes the request idempotent: the same reference returns the same invalidation instead of a second one.</param>
    /// <returns>The invalidation's id.</returns>
    Task<string> InvalidateAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken);
}
