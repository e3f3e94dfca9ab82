using Amazon.S3;
using Amazon.S3.Model;
using DrsOrchestrator.Domain.Ports.Console;

namespace DrsOrchestrator.Aws.S3;

/// <summary>The console bucket and the CDK asset bucket through AWSSDK.S3 (served by the package mirror, unlike CloudFront's SDK).</summary>
public sealed class S3StaticSiteStore(IAmazonS3 s3) : IStaticSiteStore
{
    /// <summary>DeleteObjects accepts at most this many keys per call.</summary>
    internal const int DeleteBatchSize = 1000;

    public async Task<byte[]> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    public async Task PutObjectAsync(string bucket, SiteObject siteObject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteObject);
        using var content = new MemoryStream(siteObject.Content, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = siteObject.Key,
            InputStream = content,
            ContentType = siteObject.ContentType,
            AutoCloseStream = false,
        };
        request.Headers.CacheControl = siteObject.CacheControl;
        await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string bucket, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        string? continuation = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = continuation }, cancellationToken)
                .ConfigureAwait(false);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);

        return keys;
    }

    public async Task DeleteObjectsAsync(string bucket, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var batch in keys.Chunk(DeleteBatchSize))
        {
            var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = bucket,
                Objects = [.. batch.Select(k => new KeyVersion { Key = k })],
                Quiet = true,
            }, cancellationToken).ConfigureAwait(false);

            // DeleteObjects answers 200 even when some keys failed; the failures are in the body.
            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                throw new InvalidOperationException(
                    $"{errors.Count} object(s) of {bucket} were not deleted: "
                    + string.Join("; ", errors.Take(5).Select(e => $"{e.Key} {e.Code}: {e.Message}")));
            }
        }
    }
}
