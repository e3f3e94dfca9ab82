using DrsOrchestrator.Functions.FrontendBuilder.Hosting;

namespace DrsOrchestrator.FrontendBuilder.Tests.Hosting;

public sealed class FrontendBuilderSettingsTests
{
    [Fact]
    public void FromEnvironment_OnlyRegion_Defaults()
    {
        // Arrange
        var environment = Environment(("AWS_REGION", "eu-west-1"));

        // Act
        var settings = FrontendBuilderSettings.FromEnvironment(environment);

        // Assert
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal(FrontendBuilderSettings.DefaultPublishTimeout, settings.PublishTimeout);
        Assert.Equal(FrontendBuilderSettings.DefaultUploadConcurrency, settings.UploadConcurrency);
        Assert.Null(settings.LogStream);
    }

    [Fact]
    public void FromEnvironment_AllSet_ReadsThem()
    {
        // Arrange
        var environment = Environment(("AWS_REGION", "us-east-1"), ("PUBLISH_TIMEOUT_SECONDS", "540"), ("UPLOAD_CONCURRENCY", "4"),
            ("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]abc"));

        // Act
        var settings = FrontendBuilderSettings.FromEnvironment(environment);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(540), settings.PublishTimeout);
        Assert.Equal(4, settings.UploadConcurrency);
        Assert.Equal("2026/01/01/[$LATEST]abc", settings.LogStream);
    }

    [Fact]
    public void FromEnvironment_EveryValueWrong_ReportsEachProblem()
    {
        // Arrange
        var environment = Environment(("AWS_REGION", "Ireland"), ("PUBLISH_TIMEOUT_SECONDS", "900"), ("UPLOAD_CONCURRENCY", "-1"));

        // Act
        var error = Assert.Throws<ArgumentException>(() => FrontendBuilderSettings.FromEnvironment(environment));

        // Assert
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Contains("PUBLISH_TIMEOUT_SECONDS", error.Message, StringComparison.Ordinal);
        Assert.Contains("UPLOAD_CONCURRENCY", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
