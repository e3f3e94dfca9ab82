using DrsOrchestrator.FrontendBuilder.Tests.Support;
using DrsOrchestrator.Functions.FrontendBuilder.Publishing;

namespace DrsOrchestrator.FrontendBuilder.Tests.Publishing;

public sealed class ConsoleDeploymentSpecTests
{
    [Fact]
    public void From_ValidProperties_PhysicalIdNamesTheTargetBucket()
    {
        // Arrange
        var properties = new ConsoleDeploymentPropertiesBuilder().Build();

        // Act
        var spec = ConsoleDeploymentSpec.From(properties);

        // Assert
        Assert.Equal("console-drs-orchestrator-dev-site", spec.PhysicalResourceId);
    }

    [Fact]
    public void From_SeveralProblems_ReportsAllOfThem()
    {
        // Arrange
        var properties = new ConsoleDeploymentPropertiesBuilder()
            .With(p => p with { SourceKey = " ", DistributionId = null })
            .WithAwsConfig(c => c with { UserPoolId = null })
            .Build();

        // Act
        var error = Assert.Throws<ConsoleDeploymentException>(() => ConsoleDeploymentSpec.From(properties));

        // Assert
        Assert.Contains("SourceKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("DistributionId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("AwsConfig.userPoolId is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local", "/api", "authMode")]
    [InlineData("cognito", "http://abc.execute-api.eu-west-1.amazonaws.com/prod/", "https")]
    [InlineData("cognito", "/api", "https")]
    public void From_NotADeployedConsoleConfig_Rejected(string authMode, string apiUrl, string expected)
    {
        // Arrange
        var properties = new ConsoleDeploymentPropertiesBuilder().WithAwsConfig(c => c with { AuthMode = authMode, ApiUrl = apiUrl }).Build();

        // Act
        var error = Assert.Throws<ConsoleDeploymentException>(() => ConsoleDeploymentSpec.From(properties));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoAwsConfig_Rejected()
    {
        // Arrange
        var properties = new ConsoleDeploymentPropertiesBuilder().With(p => p with { AwsConfig = null }).Build();

        // Act
        var error = Assert.Throws<ConsoleDeploymentException>(() => ConsoleDeploymentSpec.From(properties));

        // Assert
        Assert.Contains("AwsConfig is required", error.Message, StringComparison.Ordinal);
    }
}
