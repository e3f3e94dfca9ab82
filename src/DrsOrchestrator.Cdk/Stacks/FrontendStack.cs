using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;
using Constructs;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// The console: a private bucket behind CloudFront (origin access control), SPA routing, security
/// headers, and a custom resource that publishes the bundle plus aws-config.json and invalidates
/// the distribution whenever either changes.
/// </summary>
internal sealed class FrontendStack : NestedStack
{
    /// <summary>CloudScape styles inline; Cognito and API Gateway are reached over https.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self' https://*.amazonaws.com; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    public const string ConsoleResourceType = "Custom::ConsoleDeployment";

    public FrontendStack(Construct scope, string id, FrontendStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator console hosting (S3 + CloudFront)." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var removal = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        // CloudFront standard logs are delivered with ACLs, so this bucket alone keeps ACLs enabled.
        var logs = new Bucket(this, "Logs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_PREFERRED,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(config.IsProduction ? 365 : 30) }],
            RemovalPolicy = removal,
        });
        Nag.Suppress(logs, new NagSuppression("AwsSolutions-S1", "This is the access log bucket of the console bucket and distribution."));

        SiteBucket = new Bucket(this, "Site", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            ServerAccessLogsBucket = logs,
            ServerAccessLogsPrefix = "site-bucket/",
            LifecycleRules = [new LifecycleRule { NoncurrentVersionExpiration = Duration.Days(30) }],
            RemovalPolicy = removal,
        });

        var headers = new ResponseHeadersPolicy(this, "SecurityHeaders", new ResponseHeadersPolicyProps
        {
            ResponseHeadersPolicyName = config.Name("console-security-headers"),
            SecurityHeadersBehavior = new ResponseSecurityHeadersBehavior
            {
                StrictTransportSecurity = new ResponseHeadersStrictTransportSecurity
                {
                    AccessControlMaxAge = Duration.Days(730), IncludeSubdomains = true, Preload = true, Override = true,
                },
                ContentSecurityPolicy = new ResponseHeadersContentSecurityPolicy { ContentSecurityPolicy = ContentSecurityPolicy, Override = true },
                FrameOptions = new ResponseHeadersFrameOptions { FrameOption = HeadersFrameOption.DENY, Override = true },
                ContentTypeOptions = new ResponseHeadersContentTypeOptions { Override = true },
                ReferrerPolicy = new ResponseHeadersReferrerPolicy { ReferrerPolicy = HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, Override = true },
                XssProtection = new ResponseHeadersXSSProtection { Protection = true, ModeBlock = true, Override = true },
            },
        });

        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = config.Name("console"),
            DefaultRootObject = "index.html",
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(SiteBucket),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
                ResponseHeadersPolicy = headers,
                Compress = true,
            },
            // Deep links (/executions/123) exist only in the SPA router; S3 answers 403/404 for them.
            ErrorResponses =
            [
                new ErrorResponse { HttpStatus = 403, ResponseHttpStatus = 200, ResponsePagePath = "/index.html", Ttl = Duration.Seconds(0) },
                new ErrorResponse { HttpStatus = 404, ResponseHttpStatus = 200, ResponsePagePath = "/index.html", Ttl = Duration.Seconds(0) },
            ],
            MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            PriceClass = PriceClass.PRICE_CLASS_100,
            EnableLogging = true,
            LogBucket = logs,
            LogFilePrefix = "cloudfront/",
            WebAclId = props.WebAclArn,
        });
        Nag.Suppress(Distribution,
            new NagSuppression("AwsSolutions-CFR1", "DR operators may work from anywhere during an incident; access is controlled by Cognito and WAF, not geography."),
            new NagSuppression("AwsSolutions-CFR4", "The default *.cloudfront.net certificate is used until a custom domain is configured; viewers are redirected to HTTPS."));
        if (props.WebAclArn is null)
        {
            Nag.Suppress(Distribution, new NagSuppression("AwsSolutions-CFR2",
                "Non-prod hub outside us-east-1 without cloudFrontWebAclArn: CloudFront ACLs exist only in us-east-1 (ADR 0101); prod refuses to synth this way."));
            Annotations.Of(this).AddWarning("The console distribution has no web ACL: deploy the edge WAF stack in us-east-1 and pass -c cloudFrontWebAclArn=<arn>.");
        }

        var bundle = new Asset(this, "ConsoleBundle", new AssetProps { Path = props.ConsoleDirectory });

        // Granted here rather than on the role's default policy: the role lives in the lambda stack,
        // and a grant there would make it reference this stack, which already references it.
        var builderAccess = new Policy(this, "BuilderAccess", new PolicyProps
        {
            Roles = [props.Builder.Role],
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [bundle.Bucket.ArnForObjects(bundle.S3ObjectKey)] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:ListBucket"], Resources = [SiteBucket.BucketArn] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:PutObject", "s3:DeleteObject"], Resources = [SiteBucket.ArnForObjects("*")] }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
                    Resources = [$"arn:{Pseudo.PARTITION}:cloudfront::{Pseudo.ACCOUNT_ID}:distribution/{Distribution.DistributionId}"],
                }),
            ],
        });
        Nag.Suppress(builderAccess, new NagSuppression("AwsSolutions-IAM5",
            "The builder replaces every object of the console bucket, so it needs the bucket's object wildcard.",
            ["regex:/^Resource::<.+\\.Arn>\\/\\*$/g"]));

        ConsoleDeployment = new CustomResource(this, "ConsoleDeployment", new CustomResourceProps
        {
            ServiceToken = props.Builder.Function.FunctionArn,
            ResourceType = ConsoleResourceType,
            Properties = new Dictionary<string, object>
            {
                ["SourceBucket"] = bundle.S3BucketName,
                ["SourceKey"] = bundle.S3ObjectKey,
                ["BundleHash"] = bundle.AssetHash,
                ["TargetBucket"] = SiteBucket.BucketName,
                ["DistributionId"] = Distribution.DistributionId,
                ["AwsConfig"] = new Dictionary<string, object>
                {
                    ["region"] = Pseudo.REGION,
                    ["apiUrl"] = props.ApiUrl,
                    ["userPoolId"] = props.UserPoolId,
                    ["userPoolClientId"] = props.UserPoolClientId,
                    ["authMode"] = "cognito",
                },
            },
        });
        ConsoleDeployment.Node.AddDependency(builderAccess);

        new CfnOutput(this, "ConsoleUrl", new CfnOutputProps { Value = "https://" + Distribution.DistributionDomainName });
    }

    public Bucket SiteBucket { get; }

    public Distribution Distribution { get; }

    public CustomResource ConsoleDeployment { get; }
}
