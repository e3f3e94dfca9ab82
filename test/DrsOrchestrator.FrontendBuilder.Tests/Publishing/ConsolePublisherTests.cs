using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Ports.Console;
using DrsOrchestrator.FrontendBuilder.Tests.Support;
using DrsOrchestrator.Functions.FrontendBuilder.Publishing;
using Moq;

namespace DrsOrchestrator.FrontendBuilder.Tests.Publishing;

public sealed class ConsolePublisherTests
{
    private const string Bucket = ConsoleDeploymentPropertiesBuilder.TargetBucket;

    private readonly InMemorySiteStore store = new();
    private readonly Mock<IContentDeliveryInvalidator> invalidator = new(MockBehavior.Strict);

    public ConsolePublisherTests()
    {
        invalidator.Setup(i => i.InvalidateAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("I2J0EXAMPLE");
    }

    [Fact]
    public async Task PublishAsync_ViteBuild_UploadsEveryFileWithContentTypeAndCacheControl()
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild());

        // Act
        await publisher.PublishAsync(Spec(), "request-1", CancellationToken.None);

        // Assert
        var index = store.Objects["index.html"];
        Assert.Equal("text/html; charset=utf-8", index.ContentType);
        Assert.Equal(SiteObjectPolicy.NoCache, index.CacheControl);
        var script = store.Objects["assets/index-B7xQ2kLm.js"];
        Assert.Equal("text/javascript; charset=utf-8", script.ContentType);
        Assert.Equal(SiteObjectPolicy.Immutable, script.CacheControl);
        Assert.Equal("console.log('console');", System.Text.Encoding.UTF8.GetString(script.Content));
        Assert.Equal(SiteObjectPolicy.Immutable, store.Objects["assets/index-Cq9_wZ3a.css"].CacheControl);
        Assert.Equal(SiteObjectPolicy.Revalidate, store.Objects["favicon.svg"].CacheControl);
        Assert.Equal("image/svg+xml", store.Objects["favicon.svg"].ContentType);
    }

    [Fact]
    public async Task PublishAsync_BundleWithDevelopmentConfig_WritesAwsConfigFromTheProperties()
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild().With("aws-config.json", """{"authMode":"local","apiUrl":"/api"}"""));

        // Act
        await publisher.PublishAsync(Spec(), "request-1", CancellationToken.None);

        // Assert
        var config = store.Objects["aws-config.json"];
        Assert.Equal(SiteObjectPolicy.NoCache, config.CacheControl);
        Assert.StartsWith("application/json", config.ContentType, StringComparison.Ordinal);
        var json = JsonNode.Parse(config.Content)!.AsObject();
        Assert.Equal("eu-west-1", json["region"]!.GetValue<string>());
        Assert.Equal("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/", json["apiUrl"]!.GetValue<string>());
        Assert.Equal("eu-west-1_Pool1", json["userPoolId"]!.GetValue<string>());
        Assert.Equal("client123", json["userPoolClientId"]!.GetValue<string>());
        Assert.Equal("cognito", json["authMode"]!.GetValue<string>());
        Assert.Equal(5, json.Count);
    }

    [Fact]
    public async Task PublishAsync_PreviousBuildInBucket_DeletesOnlyKeysTheBundleNoLongerHas()
    {
        // Arrange
        store.WithExisting("assets/index-OLDhash1.js").WithExisting("index.html").WithExisting("aws-config.json");
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild());

        // Act
        var result = await publisher.PublishAsync(Spec(), "request-1", CancellationToken.None);

        // Assert
        Assert.Equal(1, result.FilesDeleted);
        Assert.Equal(5, result.FilesUploaded);
        Assert.Equal(
            ["assets/index-B7xQ2kLm.js", "assets/index-Cq9_wZ3a.css", "aws-config.json", "favicon.svg", "index.html"],
            store.Objects.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_NothingStale_CallsNoDelete()
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild());

        // Act
        var result = await publisher.PublishAsync(Spec(), "request-1", CancellationToken.None);

        // Assert
        Assert.Equal(0, result.FilesDeleted);
        store.Mock.Verify(s => s.DeleteObjectsAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task PublishAsync_Order_AssetsThenConfigThenDocuments()
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild().With("help/index.html", "<p>help</p>"));

        // Act
        await publisher.PublishAsync(Spec(), "request-1", CancellationToken.None);

        // Assert
        var order = store.PutOrder.ToList();
        var config = order.IndexOf("aws-config.json");
        Assert.All(order.Take(config), k => Assert.False(k.EndsWith(".html", StringComparison.Ordinal), k));
        Assert.All(order.Skip(config + 1), k => Assert.EndsWith(".html", k, StringComparison.Ordinal));
        Assert.Equal(2, order.Skip(config + 1).Count());
    }

    [Fact]
    public async Task PublishAsync_Published_InvalidatesEverythingWithTheRequestIdAsCallerReference()
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild());

        // Act
        var result = await publisher.PublishAsync(Spec(), "request-7", CancellationToken.None);

        // Assert
        Assert.Equal("I2J0EXAMPLE", result.InvalidationId);
        invalidator.Verify(i => i.InvalidateAsync(
            ConsoleDeploymentPropertiesBuilder.DistributionId,
            It.Is<IReadOnlyList<string>>(p => p.SequenceEqual(new[] { "/*" })),
            "request-7",
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PublishAsync_BundleWithoutIndex_ThrowsAndUploadsNothing()
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild().Without("index.html"));

        // Act
        var error = await Assert.ThrowsAsync<ConsoleDeploymentException>(() => publisher.PublishAsync(Spec(), "request-1", CancellationToken.None));

        // Assert
        Assert.Contains("index.html", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Objects);
    }

    [Theory]
    [InlineData("../escape.js")]
    [InlineData("assets/../../escape.js")]
    [InlineData("/etc/passwd")]
    public async Task PublishAsync_UnsafePathInBundle_ThrowsAndUploadsNothing(string path)
    {
        // Arrange
        var publisher = Publisher(ConsoleBundleBuilder.ViteBuild().With(path, "x"));

        // Act
        var error = await Assert.ThrowsAsync<ConsoleDeploymentException>(() => publisher.PublishAsync(Spec(), "request-1", CancellationToken.None));

        // Assert
        Assert.Contains("unsafe path", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Objects);
    }

    [Fact]
    public async Task PublishAsync_SourceIsNotAZip_ThrowsDeploymentException()
    {
        // Arrange
        store.WithSource(ConsoleDeploymentPropertiesBuilder.SourceBucket, ConsoleDeploymentPropertiesBuilder.SourceKey, "not a zip"u8.ToArray());
        var publisher = new ConsolePublisher(store.Mock.Object, invalidator.Object, 4);

        // Act
        var error = await Assert.ThrowsAsync<ConsoleDeploymentException>(() => publisher.PublishAsync(Spec(), "request-1", CancellationToken.None));

        // Assert
        Assert.Contains("not a zip", error.Message, StringComparison.Ordinal);
    }

    private ConsolePublisher Publisher(ConsoleBundleBuilder bundle)
    {
        store.WithSource(ConsoleDeploymentPropertiesBuilder.SourceBucket, ConsoleDeploymentPropertiesBuilder.SourceKey, bundle.BuildZip());
        return new ConsolePublisher(store.Mock.Object, invalidator.Object, 4);
    }

    private static ConsoleDeploymentSpec Spec() => ConsoleDeploymentSpec.From(new ConsoleDeploymentPropertiesBuilder().Build());
}
