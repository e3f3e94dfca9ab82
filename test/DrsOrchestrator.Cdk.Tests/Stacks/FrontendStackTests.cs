using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class FrontendStackTests(FullAppFixture full, ExternalRoleAppFixture external)
{
    [Fact]
    public void Buckets_All_PrivateEncryptedAndTlsOnly()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Frontend!);

        // Act
        var buckets = json.Resources("AWS::S3::Bucket");
        var policies = json.Resources("AWS::S3::BucketPolicy");

        // Assert
        Assert.Equal(2, buckets.Count);
        Assert.All(buckets, b =>
        {
            var block = b.Resource.Props()["PublicAccessBlockConfiguration"]!;
            Assert.True(block["BlockPublicAcls"]!.GetValue<bool>() && block["BlockPublicPolicy"]!.GetValue<bool>()
                && block["IgnorePublicAcls"]!.GetValue<bool>() && block["RestrictPublicBuckets"]!.GetValue<bool>());
            Assert.NotNull(b.Resource.Props()["BucketEncryption"]);
        });
        Assert.All(policies, p => Assert.Contains("aws:SecureTransport", p.Resource.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Distribution_Origin_UsesOriginAccessControlAndSpaFallback()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Frontend!);

        // Act
        var config = json.Single("AWS::CloudFront::Distribution").Props()["DistributionConfig"]!;

        // Assert
        Assert.Single(json.Resources("AWS::CloudFront::OriginAccessControl"));
        Assert.NotNull(config["Origins"]![0]!["OriginAccessControlId"]);
        Assert.Equal("redirect-to-https", config["DefaultCacheBehavior"]!["ViewerProtocolPolicy"].Str());
        var errors = config["CustomErrorResponses"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("/index.html", e!["ResponsePagePath"].Str()));
        Assert.Equal([403, 404], errors.Select(e => e!["ErrorCode"]!.GetValue<int>()).Order());
        Assert.Equal("index.html", config["DefaultRootObject"].Str());
    }

    [Fact]
    public void Headers_SecurityPolicy_HstsCspFrameDenyNoSniff()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Frontend!);

        // Act
        var headers = json.Single("AWS::CloudFront::ResponseHeadersPolicy").Props()["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!;

        // Assert
        Assert.True(headers["StrictTransportSecurity"]!["AccessControlMaxAgeSec"]!.GetValue<int>() >= 31_536_000);
        Assert.Contains("frame-ancestors 'none'", headers["ContentSecurityPolicy"]!["ContentSecurityPolicy"].Str(), StringComparison.Ordinal);
        Assert.Equal("DENY", headers["FrameOptions"]!["FrameOption"].Str());
        Assert.True(headers["ContentTypeOptions"]!["Override"]!.GetValue<bool>());
    }

    [Fact]
    public void ConsoleDeployment_CustomResource_CarriesAwsConfigAndTargets()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Frontend!);

        // Act
        var resource = json.Single(FrontendStack.ConsoleResourceType).Props();

        // Assert
        var config = resource["AwsConfig"]!.AsObject();
        Assert.Equal(["apiUrl", "authMode", "region", "userPoolClientId", "userPoolId"], config.Select(p => p.Key).Order());
        Assert.Equal("cognito", config["authMode"].Str());
        Assert.NotNull(resource["ServiceToken"]);
        Assert.NotNull(resource["DistributionId"]);
        Assert.NotNull(resource["TargetBucket"]);
        Assert.NotNull(resource["SourceKey"]);
        Assert.NotNull(resource["BundleHash"]);
    }

    [Fact]
    public void BuilderPolicy_Invalidation_OnlyThisDistribution()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Frontend!);

        // Act
        var invalidation = json.PolicyStatements().Single(s => s.Actions().Contains("cloudfront:CreateInvalidation"));

        // Assert
        Assert.Contains(":distribution/", invalidation["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("distribution/*", invalidation["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WebAcl_UsEast1Hub_AttachesTheSecurityStacksAcl()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Frontend!);

        // Act
        var webAcl = json.Single("AWS::CloudFront::Distribution").Props()["DistributionConfig"]!["WebACLId"];

        // Assert
        Assert.NotNull(webAcl);
        Assert.NotNull(full.Stacks.Hub.Security.CloudFrontWebAcl);
        Assert.Null(full.Stacks.EdgeWaf);
    }

    [Fact]
    public void WebAcl_HubOutsideUsEast1_UsesTheConfiguredEdgeAclAndSynthesizesTheEdgeStack()
    {
        // Arrange
        var json = external.JsonOf(external.Stacks.Hub.Frontend!);

        // Act
        var webAcl = json.Single("AWS::CloudFront::Distribution").Props()["DistributionConfig"]!["WebACLId"].Str();

        // Assert
        Assert.Equal(ExternalRoleAppFixture.WebAclArn, webAcl);
        Assert.Null(external.Stacks.Hub.Security.CloudFrontWebAcl);
        Assert.NotNull(external.Stacks.EdgeWaf);
        Assert.Equal("us-east-1", external.Stacks.EdgeWaf!.Region);
        var edge = external.JsonOf(external.Stacks.EdgeWaf);
        Assert.Equal("CLOUDFRONT", edge.Single("AWS::WAFv2::WebACL").Props()["Scope"].Str());
    }
}
