using System.Collections.Concurrent;
using DrsOrchestrator.Domain.Ports.Console;
using Moq;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>A Moq <see cref="IStaticSiteStore"/> whose calls read and write a dictionary, so tests assert on the resulting bucket.</summary>
internal sealed class InMemorySiteStore
{
    public InMemorySiteStore()
    {
        Mock.Setup(s => s.GetObjectAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string bucket, string key, CancellationToken _) =>
                Sources.TryGetValue($"{bucket}/{key}", out var bytes)
                    ? Task.FromResult(bytes)
                    : Task.FromException<byte[]>(new InvalidOperationException($"NoSuchKey: {bucket}/{key}")));
        Mock.Setup(s => s.PutObjectAsync(It.IsAny<string>(), It.IsAny<SiteObject>(), It.IsAny<CancellationToken>()))
            .Returns((string bucket, SiteObject item, CancellationToken _) =>
            {
                Objects[item.Key] = item;
                PutOrder.Enqueue(item.Key);
                return Task.CompletedTask;
            });
        Mock.Setup(s => s.ListKeysAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => (IReadOnlyList<string>)[.. Objects.Keys]);
        Mock.Setup(s => s.DeleteObjectsAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((string _, IReadOnlyList<string> keys, CancellationToken _) =>
            {
                foreach (var key in keys)
                {
                    Objects.TryRemove(key, out SiteObject? _);
                }

                return Task.CompletedTask;
            });
    }

    public Mock<IStaticSiteStore> Mock { get; } = new(MockBehavior.Strict);

    /// <summary>bucket/key → bytes readable through GetObjectAsync (the CDK asset bucket).</summary>
    public ConcurrentDictionary<string, byte[]> Sources { get; } = new();

    /// <summary>The target bucket's objects by key.</summary>
    public ConcurrentDictionary<string, SiteObject> Objects { get; } = new();

    public ConcurrentQueue<string> PutOrder { get; } = new();

    public InMemorySiteStore WithSource(string bucket, string key, byte[] content)
    {
        Sources[$"{bucket}/{key}"] = content;
        return this;
    }

    public InMemorySiteStore WithExisting(string key)
    {
        Objects[key] = new SiteObject(key, [1], "application/octet-stream", "public, max-age=0, must-revalidate");
        return this;
    }
}
