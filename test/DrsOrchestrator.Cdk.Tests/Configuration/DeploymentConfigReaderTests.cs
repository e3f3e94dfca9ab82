using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Configuration;

public sealed class DeploymentConfigReaderTests
{
    [Fact]
    public void Read_NoContext_UsesSafeDefaults()
    {
        // Arrange
        static object? Empty(string key) => null;

        // Act
        var config = DeploymentConfigReader.Read(Empty);

        // Assert
        Assert.Equal("drs-orchestrator", config.ProjectName);
        Assert.Equal("dev", config.Environment);
        Assert.Equal("us-east-1", config.Region);
        Assert.True(config.DeployFrontend);
        Assert.False(config.DeployPipeline);
        Assert.Null(config.AdminEmail);
        Assert.Null(config.NotificationEmail);
        Assert.Null(config.Account);
        Assert.Empty(config.WafAllowedIpRanges);
        Assert.Equal(DeploymentMode.Full, config.Mode);
    }

    [Theory]
    [InlineData("environment", "staging", "environment 'staging'")]
    [InlineData("projectName", "Has_Upper", "projectName 'Has_Upper'")]
    [InlineData("projectName", "x", "projectName 'x'")]
    [InlineData("projectName", "a-name-that-is-far-too-long-for-iam", "projectName")]
    [InlineData("adminEmail", "not-an-email", "adminEmail 'not-an-email'")]
    [InlineData("notificationEmail", "a@b", "notificationEmail 'a@b'")]
    [InlineData("deployFrontend", "yes", "deployFrontend 'yes'")]
    [InlineData("deployPipeline", "1", "deployPipeline '1'")]
    [InlineData("externalOrchestrationRoleArn", "arn:aws:iam::123:role/x", "externalOrchestrationRoleArn")]
    [InlineData("cloudFrontWebAclArn", "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/a/b", "cloudFrontWebAclArn")]
    [InlineData("wafAllowedIpRanges", "10.0.0.0/8,not-a-cidr", "'not-a-cidr'")]
    [InlineData("wafAllowedIpRanges", "10.0.0.1", "'10.0.0.1'")]
    [InlineData("region", "mars-1", "region 'mars-1'")]
    [InlineData("spokeAccountIds", "111122223333,12345", "spokeAccountIds entry '12345'")]
    [InlineData("organizationId", "org-1", "organizationId 'org-1'")]
    public void Read_InvalidValue_ThrowsNamingTheKey(string key, string value, string expectedFragment)
    {
        // Arrange
        var context = new CdkContextBuilder().With(key, value).AsLookup();

        // Act
        var error = Assert.Throws<DeploymentConfigException>(() => DeploymentConfigReader.Read(context));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains(expectedFragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne()
    {
        // Arrange
        var context = new CdkContextBuilder()
            .With("environment", "qa")
            .With("adminEmail", "nope")
            .With("wafAllowedIpRanges", "300.1.1.1/8")
            .AsLookup();

        // Act
        var error = Assert.Throws<DeploymentConfigException>(() => DeploymentConfigReader.Read(context));

        // Assert
        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("environment 'qa'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ProdConsoleOutsideUsEast1WithoutEdgeWebAcl_Throws()
    {
        // Arrange
        var context = new CdkContextBuilder().With("environment", "prod").With("region", "eu-west-1").AsLookup();

        // Act
        var error = Assert.Throws<DeploymentConfigException>(() => DeploymentConfigReader.Read(context));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains("cloudFrontWebAclArn", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ProdWithoutConsoleOrigin_Throws()
    {
        // Arrange
        var context = new CdkContextBuilder().With("environment", "prod").AsLookup();

        // Act
        var error = Assert.Throws<DeploymentConfigException>(() => DeploymentConfigReader.Read(context));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains("consoleOrigin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://dr.example.com")]
    [InlineData("https://dr.example.com/console")]
    [InlineData("dr.example.com")]
    [InlineData("*")]
    public void Read_MalformedConsoleOrigin_Throws(string origin)
    {
        // Arrange
        var context = new CdkContextBuilder().With("consoleOrigin", origin).AsLookup();

        // Act
        var error = Assert.Throws<DeploymentConfigException>(() => DeploymentConfigReader.Read(context));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains("consoleOrigin", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ConsoleOriginWithTrailingSlash_IsTheCorsOrigin()
    {
        // Arrange
        var context = new CdkContextBuilder().With("environment", "prod").With("consoleOrigin", "https://d111111abcdef8.cloudfront.net/").AsLookup();

        // Act
        var config = DeploymentConfigReader.Read(context);

        // Assert
        Assert.Equal("https://d111111abcdef8.cloudfront.net", config.CorsAllowedOrigin);
    }

    [Fact]
    public void Read_DevWithoutConsoleOrigin_AllowsAnyOrigin()
    {
        // Arrange
        var context = new CdkContextBuilder().AsLookup();

        // Act
        var config = DeploymentConfigReader.Read(context);

        // Assert
        Assert.Equal("*", config.CorsAllowedOrigin);
    }

    [Fact]
    public void Read_DevConsoleOutsideUsEast1WithoutEdgeWebAcl_IsAllowed()
    {
        // Arrange
        var context = new CdkContextBuilder().With("region", "eu-west-1").AsLookup();

        // Act
        var config = DeploymentConfigReader.Read(context);

        // Assert
        Assert.False(config.CreatesCloudFrontWebAcl);
        Assert.Null(config.CloudFrontWebAclArn);
    }

    [Theory]
    [InlineData(true, null, nameof(DeploymentMode.Full))]
    [InlineData(false, null, nameof(DeploymentMode.ApiOnly))]
    [InlineData(true, "arn:aws:iam::111122223333:role/drs", nameof(DeploymentMode.ExternalRole))]
    [InlineData(false, "arn:aws:iam::111122223333:role/drs", nameof(DeploymentMode.ExternalRole))]
    public void Read_FlagCombination_DerivesMode(bool deployFrontend, string? roleArn, string expected)
    {
        // Arrange
        var builder = new CdkContextBuilder().With("deployFrontend", deployFrontend);
        if (roleArn is not null)
        {
            builder.With("externalOrchestrationRoleArn", roleArn);
        }

        // Act
        var config = DeploymentConfigReader.Read(builder.AsLookup());

        // Assert
        Assert.Equal(expected, config.Mode.ToString());
    }

    [Fact]
    public void Read_CommaSeparatedRangesFromCommandLine_ParsesEach()
    {
        // Arrange
        var context = new CdkContextBuilder().With("wafAllowedIpRanges", "203.0.113.0/24, 2001:db8::/32").AsLookup();

        // Act
        var config = DeploymentConfigReader.Read(context);

        // Assert
        Assert.Equal(["203.0.113.0/24", "2001:db8::/32"], config.WafAllowedIpRanges);
    }

    [Fact]
    public void Read_AccountFromEnvironment_IsKeptOnlyWhenSet()
    {
        // Arrange
        var context = new CdkContextBuilder().AsLookup();

        // Act
        var withAccount = DeploymentConfigReader.Read(context, defaultAccount: "111122223333");
        var without = DeploymentConfigReader.Read(context, defaultAccount: " ");

        // Assert
        Assert.Equal("111122223333", withAccount.Account);
        Assert.Null(without.Account);
    }

    [Fact]
    public void Name_Resource_IsProjectEnvironmentResource()
    {
        // Arrange
        var config = DeploymentConfigReader.Read(new CdkContextBuilder().With("projectName", "dr-hub").With("environment", "test").AsLookup());

        // Act
        var name = config.Name("api");

        // Assert
        Assert.Equal("dr-hub-test-api", name);
    }

    [Fact]
    public void Read_SpokeAccountsAndOrganization_AcceptsSpokeEvents()
    {
        // Arrange
        var context = new CdkContextBuilder()
            .With("spokeAccountIds", new object[] { "111122223333", "111122223333", "444455556666" })
            .With("organizationId", "o-a1b2c3d4e5")
            .AsLookup();

        // Act
        var config = DeploymentConfigReader.Read(context);

        // Assert
        Assert.Equal(["111122223333", "444455556666"], config.SpokeAccountIds);
        Assert.Equal("o-a1b2c3d4e5", config.OrganizationId);
        Assert.True(config.AcceptsSpokeEvents);
    }
}
