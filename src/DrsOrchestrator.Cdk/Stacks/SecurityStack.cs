using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>WAF web ACLs, the CloudTrail trail and the integration-settings secret.</summary>
internal sealed class SecurityStack : NestedStack
{
    public SecurityStack(Construct scope, string id, SecurityStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator security: WAF, CloudTrail, secrets." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var removal = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        ApiWebAcl = new WebAcl(this, "ApiWaf", new WebAclProps { Config = config, Name = "api-waf", Scope = "REGIONAL" });
        if (config.CreatesCloudFrontWebAcl)
        {
            CloudFrontWebAcl = new WebAcl(this, "CloudFrontWaf", new WebAclProps { Config = config, Name = "cloudfront-waf", Scope = "CLOUDFRONT" });
        }

        // Values (webhook URLs, tokens) are set by operators after deploy; the generated key only
        // keeps the template free of any literal secret.
        IntegrationSecret = new Secret(this, "IntegrationSettings", new SecretProps
        {
            SecretName = config.Name("integration-settings"),
            Description = "Integration settings (notification webhooks, ticketing tokens). Edit the JSON after deploy.",
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = "{\"webhookUrl\":\"\",\"ticketingToken\":\"\"}",
                GenerateStringKey = "signingKey",
                PasswordLength = 48,
                ExcludePunctuation = true,
            },
            RemovalPolicy = removal,
        });
        Nag.Suppress(IntegrationSecret, new NagSuppression("AwsSolutions-SMG4",
            "Holds third-party integration settings that operators rotate at the third party; there is no AWS-side rotation target."));

        var trailKey = new Key(this, "TrailKey", new KeyProps
        {
            Alias = "alias/" + config.Name("trail"),
            Description = "Encrypts the CloudTrail log files of " + config.Name("trail"),
            EnableKeyRotation = true,
            RemovalPolicy = removal,
        });

        var accessLogs = new Bucket(this, "TrailAccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(config.IsProduction ? 365 : 30) }],
            RemovalPolicy = removal,
            AutoDeleteObjects = false,
        });
        Nag.Suppress(accessLogs, new NagSuppression("AwsSolutions-S1", "This is the server access log bucket; logging it to itself would loop."));

        TrailBucket = new Bucket(this, "TrailBucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            ServerAccessLogsBucket = accessLogs,
            ServerAccessLogsPrefix = "trail-bucket/",
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(config.IsProduction ? 2555 : 90), NoncurrentVersionExpiration = Duration.Days(30) }],
            RemovalPolicy = removal,
        });

        Trail = new Trail(this, "Trail", new TrailProps
        {
            TrailName = config.Name("trail"),
            Bucket = TrailBucket,
            EncryptionKey = trailKey,
            EnableFileValidation = true,
            IncludeGlobalServiceEvents = true,
            IsMultiRegionTrail = true,
            SendToCloudWatchLogs = true,
            CloudWatchLogsRetention = config.IsProduction ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
        });
    }

    public WebAcl ApiWebAcl { get; }

    /// <summary>Null unless the hub itself is in us-east-1 and hosts the console.</summary>
    public WebAcl? CloudFrontWebAcl { get; }

    public Secret IntegrationSecret { get; }

    public Bucket TrailBucket { get; }

    public Trail Trail { get; }
}
