using System.Text.Json;
using DrsOrchestrator.Domain.Ports.Console;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

namespace DrsOrchestrator.Functions.FrontendBuilder.Publishing;

/// <summary>
/// Publishes one console bundle: assets, then aws-config.json, then the HTML documents (so a browser
/// that loads the new index.html finds everything it names), then removes what the bundle no longer
/// has and invalidates the distribution. Every step is safe to repeat, which is what a Lambda retry does.
/// </summary>
internal sealed class ConsolePublisher(IStaticSiteStore store, IContentDeliveryInvalidator invalidator, int uploadConcurrency)
{
    /// <summary>One wildcard path counts as one path against CloudFront's free allowance, whatever changed.</summary>
    public static readonly IReadOnlyList<string> InvalidationPaths = ["/*"];

    /// <param name="requestId">CloudFormation's request id: the invalidation's caller reference, so a retried request does not invalidate twice.</param>
    public async Task<PublishResult> PublishAsync(ConsoleDeploymentSpec spec, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var zip = await store.GetObjectAsync(spec.SourceBucket, spec.SourceKey, cancellationToken).ConfigureAwait(false);

        // A development aws-config.json in the build would point the console at the wrong API.
        var files = ConsoleBundle.Read(zip)
            .Where(f => f.Key != SiteObjectPolicy.ConfigDocument)
            .Select(f => new SiteObject(f.Key, f.Content, SiteObjectPolicy.ContentTypeOf(f.Key), SiteObjectPolicy.CacheControlOf(f.Key)))
            .ToList();
        var config = new SiteObject(
            SiteObjectPolicy.ConfigDocument,
            JsonSerializer.SerializeToUtf8Bytes(spec.AwsConfig, FrontendBuilderJsonContext.Default.AwsConfigProperties),
            SiteObjectPolicy.ContentTypeOf(SiteObjectPolicy.ConfigDocument),
            SiteObjectPolicy.NoCache);

        await UploadAsync(spec.TargetBucket, files.Where(f => !SiteObjectPolicy.IsDocument(f.Key)), cancellationToken).ConfigureAwait(false);
        await store.PutObjectAsync(spec.TargetBucket, config, cancellationToken).ConfigureAwait(false);
        await UploadAsync(spec.TargetBucket, files.Where(f => SiteObjectPolicy.IsDocument(f.Key)), cancellationToken).ConfigureAwait(false);

        var published = files.Select(f => f.Key).Append(config.Key).ToHashSet(StringComparer.Ordinal);
        var existing = await store.ListKeysAsync(spec.TargetBucket, cancellationToken).ConfigureAwait(false);
        var stale = existing.Where(k => !published.Contains(k)).ToList();
        if (stale.Count > 0)
        {
            // The bucket is versioned: a removed file stays recoverable until its noncurrent version expires.
            await store.DeleteObjectsAsync(spec.TargetBucket, stale, cancellationToken).ConfigureAwait(false);
        }

        var invalidationId = await invalidator.InvalidateAsync(spec.DistributionId, InvalidationPaths, requestId, cancellationToken).ConfigureAwait(false);
        return new PublishResult(published.Count, stale.Count, invalidationId);
    }

    private Task UploadAsync(string bucket, IEnumerable<SiteObject> objects, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            objects,
            new ParallelOptions { MaxDegreeOfParallelism = uploadConcurrency, CancellationToken = cancellationToken },
            async (siteObject, token) => await store.PutObjectAsync(bucket, siteObject, token).ConfigureAwait(false));
}
