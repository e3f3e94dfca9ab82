using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class SecurityStackTests(FullAppFixture full, ApiOnlyAppFixture apiOnly)
{
    private static readonly string[] ManagedGroups =
        ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"];

    [Fact]
    public void WebAcls_UsEast1Console_RegionalAndCloudFrontWithManagedRulesAndRateLimit()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Security);

        // Act
        var acls = json.Resources("AWS::WAFv2::WebACL").Select(a => a.Resource.Props()).ToList();

        // Assert
        Assert.Equal(["CLOUDFRONT", "REGIONAL"], acls.Select(a => a["Scope"].Str()).Order());
        Assert.All(acls, acl =>
        {
            var rules = acl["Rules"]!.AsArray().Select(r => r!["Name"].Str()).ToList();
            Assert.Contains("RateLimitPerIp", rules);
            Assert.Contains("BlockOutsideAllowedRanges", rules);
            Assert.All(ManagedGroups, g => Assert.Contains(g, rules));
        });
    }

    [Fact]
    public void IpSets_AllowedRanges_SplitByAddressFamily()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Security);

        // Act
        var sets = json.Resources("AWS::WAFv2::IPSet").Select(s => s.Resource.Props())
            .Where(s => s["Scope"].Str() == "REGIONAL")
            .ToDictionary(s => s["IPAddressVersion"].Str(), s => s["Addresses"].AsStrings());

        // Assert
        Assert.Equal(["203.0.113.0/24"], sets["IPV4"]);
        Assert.Equal(["2001:db8::/32"], sets["IPV6"]);
    }

    [Fact]
    public void WebAcls_NoAllowList_OnlyRegionalWithoutIpRule()
    {
        // Arrange
        var json = apiOnly.JsonOf(apiOnly.Stacks.Hub.Security);

        // Act
        var acl = json.Single("AWS::WAFv2::WebACL").Props();

        // Assert
        Assert.Equal("REGIONAL", acl["Scope"].Str());
        Assert.DoesNotContain("BlockOutsideAllowedRanges", acl["Rules"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(json.Resources("AWS::WAFv2::IPSet"));
    }

    [Fact]
    public void Trail_Settings_ValidatesLogFilesEncryptsAndCoversAllRegions()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Security);

        // Act
        var trail = json.Single("AWS::CloudTrail::Trail").Props();

        // Assert
        Assert.True(trail["EnableLogFileValidation"]!.GetValue<bool>());
        Assert.True(trail["IsMultiRegionTrail"]!.GetValue<bool>());
        Assert.NotNull(trail["KMSKeyId"]);
        Assert.NotNull(trail["CloudWatchLogsLogGroupArn"]);
        Assert.Equal("drs-orchestrator-dev-trail", trail["TrailName"].Str());
    }

    [Fact]
    public void Secret_IntegrationSettings_IsGeneratedNeverLiteral()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Security);

        // Act
        var secret = json.Single("AWS::SecretsManager::Secret").Props();

        // Assert
        Assert.Equal("drs-orchestrator-dev-integration-settings", secret["Name"].Str());
        Assert.Null(secret["SecretString"]);
        Assert.NotNull(secret["GenerateSecretString"]);
    }
}
