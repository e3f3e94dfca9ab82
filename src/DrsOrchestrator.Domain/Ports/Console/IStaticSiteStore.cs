namespace DrsOrchestrator.Domain.Ports.Console;

/// <summary>
/// Object storage the console is published from and to (S3 in production). Kept to the four calls
/// the publisher needs so a test can stand in for it without an S3 endpoint.
/// </summary>
public interface IStaticSiteStore
{
    /// <summary>Reads a whole object; the console bundle is a few megabytes, well within a Lambda's memory.</summary>
    Task<byte[]> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    Task PutObjectAsync(string bucket, SiteObject siteObject, CancellationToken cancellationToken);

    /// <summary>Every key in the bucket (all pages).</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Deletes the keys (in as many batches as the store needs); throws if any key was not deleted.</summary>
    Task DeleteObjectsAsync(string bucket, IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
