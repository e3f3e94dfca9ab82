using Amazon.S3;
using Amazon.S3.Model;
using DrsOrchestrator.Aws.S3;
using DrsOrchestrator.Domain.Ports.Console;
using Moq;

namespace DrsOrchestrator.FrontendBuilder.Tests.S3;

public sealed class S3StaticSiteStoreTests
{
    private readonly Mock<IAmazonS3> s3 = new(MockBehavior.Strict);

    [Fact]
    public async Task ListKeysAsync_SeveralPages_FollowsContinuationTokens()
    {
        // Arrange
        s3.Setup(c => c.ListObjectsV2Async(It.Is<ListObjectsV2Request>(r => r.ContinuationToken == null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListObjectsV2Response { S3Objects = [new S3Object { Key = "a" }], IsTruncated = true, NextContinuationToken = "t1" });
        s3.Setup(c => c.ListObjectsV2Async(It.Is<ListObjectsV2Request>(r => r.ContinuationToken == "t1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListObjectsV2Response { S3Objects = [new S3Object { Key = "b" }], IsTruncated = false });
        var store = new S3StaticSiteStore(s3.Object);

        // Act
        var keys = await store.ListKeysAsync("site", CancellationToken.None);

        // Assert
        Assert.Equal(["a", "b"], keys);
    }

    [Fact]
    public async Task ListKeysAsync_EmptyBucket_NoKeys()
    {
        // Arrange
        s3.Setup(c => c.ListObjectsV2Async(It.IsAny<ListObjectsV2Request>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListObjectsV2Response());
        var store = new S3StaticSiteStore(s3.Object);

        // Act
        var keys = await store.ListKeysAsync("site", CancellationToken.None);

        // Assert
        Assert.Empty(keys);
    }

    [Fact]
    public async Task DeleteObjectsAsync_MoreThanOneBatch_SplitsAtTheServiceLimit()
    {
        // Arrange
        var batches = new List<int>();
        s3.Setup(c => c.DeleteObjectsAsync(It.IsAny<DeleteObjectsRequest>(), It.IsAny<CancellationToken>()))
            .Callback((DeleteObjectsRequest r, CancellationToken _) => batches.Add(r.Objects.Count))
            .ReturnsAsync(new DeleteObjectsResponse());
        var store = new S3StaticSiteStore(s3.Object);
        var keys = Enumerable.Range(0, 2500).Select(i => $"k{i}").ToList();

        // Act
        await store.DeleteObjectsAsync("site", keys, CancellationToken.None);

        // Assert
        Assert.Equal([1000, 1000, 500], batches);
    }

    [Fact]
    public async Task DeleteObjectsAsync_SomeKeysRefused_Throws()
    {
        // Arrange
        s3.Setup(c => c.DeleteObjectsAsync(It.IsAny<DeleteObjectsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeleteObjectsResponse { DeleteErrors = [new DeleteError { Key = "index.html", Code = "AccessDenied", Message = "denied" }] });
        var store = new S3StaticSiteStore(s3.Object);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.DeleteObjectsAsync("site", ["index.html"], CancellationToken.None));

        // Assert
        Assert.Contains("index.html AccessDenied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutObjectAsync_SiteObject_SendsContentTypeAndCacheControl()
    {
        // Arrange
        PutObjectRequest? sent = null;
        s3.Setup(c => c.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Callback((PutObjectRequest r, CancellationToken _) => sent = r)
            .ReturnsAsync(new PutObjectResponse());
        var store = new S3StaticSiteStore(s3.Object);

        // Act
        await store.PutObjectAsync("site", new SiteObject("index.html", [1, 2], "text/html; charset=utf-8", "no-cache"), CancellationToken.None);

        // Assert
        Assert.NotNull(sent);
        Assert.Equal("site", sent.BucketName);
        Assert.Equal("index.html", sent.Key);
        Assert.Equal("text/html; charset=utf-8", sent.ContentType);
        Assert.Equal("no-cache", sent.Headers.CacheControl);
    }
}
