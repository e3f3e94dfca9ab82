using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.CodeCommit;
using Amazon.CDK.AWS.CodePipeline;
using Amazon.CDK.AWS.CodePipeline.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using DrsOrchestrator.Cdk.Constructs;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// Optional CI/CD: a CodeCommit repository and a pipeline Source → Validate → Build → Test →
/// DeployInfrastructure → DeployFrontend, each stage a CodeBuild project running buildspecs/*.yml.
/// </summary>
internal sealed class PipelineStack : NestedStack
{
    private readonly Dictionary<string, PipelineProject> projects = new(StringComparer.Ordinal);

    public PipelineStack(Construct scope, string id, PipelineStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator CI/CD pipeline." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var removal = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        Repository = new Repository(this, "Repository", new RepositoryProps
        {
            RepositoryName = config.Name("repo"),
            Description = "DRS Orchestrator source; pushes to the pipeline branch deploy.",
        });

        ArtifactKey = new Key(this, "ArtifactKey", new KeyProps
        {
            Alias = "alias/" + config.Name("pipeline-artifacts"),
            Description = "Encrypts pipeline artifacts and build output.",
            EnableKeyRotation = true,
            RemovalPolicy = removal,
        });

        var accessLogs = new Bucket(this, "ArtifactAccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(90) }],
            RemovalPolicy = removal,
        });
        Nag.Suppress(accessLogs, new NagSuppression("AwsSolutions-S1", "This is the access log bucket of the artifact bucket."));

        ArtifactBucket = new Bucket(this, "Artifacts", new BucketProps
        {
            EncryptionKey = ArtifactKey,
            Encryption = BucketEncryption.KMS,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            ServerAccessLogsBucket = accessLogs,
            ServerAccessLogsPrefix = "artifacts/",
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Expiration = Duration.Days(30),
                    NoncurrentVersionExpiration = Duration.Days(7),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                },
            ],
            RemovalPolicy = removal,
        });

        var source = new Amazon.CDK.AWS.CodePipeline.Artifact_("Source");
        Pipeline = new Pipeline(this, "Pipeline", new PipelineProps
        {
            PipelineName = config.Name("pipeline"),
            PipelineType = PipelineType.V2,
            ArtifactBucket = ArtifactBucket,
            RestartExecutionOnUpdate = false,
        });
        Pipeline.AddStage(new StageOptions
        {
            StageName = "Source",
            Actions =
            [
                new CodeCommitSourceAction(new CodeCommitSourceActionProps
                {
                    ActionName = "CodeCommit",
                    Repository = Repository,
                    Branch = config.PipelineBranch,
                    Output = source,
                    Trigger = CodeCommitTrigger.EVENTS,
                }),
            ],
        });

        foreach (var stage in PipelineStage.BuildStages)
        {
            var project = new PipelineProject(this, stage.StageName + "Project", new PipelineProjectProps
            {
                ProjectName = config.Name(stage.Buildspec),
                Description = $"Pipeline stage {stage.StageName} ({stage.BuildspecPath}).",
                BuildSpec = BuildSpec.FromSourceFilename(stage.BuildspecPath),
                EncryptionKey = ArtifactKey,
                Timeout = Duration.Minutes(stage.TimeoutMinutes),
                Environment = new BuildEnvironment
                {
                    BuildImage = LinuxBuildImage.STANDARD_7_0,
                    ComputeType = ComputeType.MEDIUM,
                    Privileged = false,
                },
                EnvironmentVariables = new Dictionary<string, IBuildEnvironmentVariable>
                {
                    ["PROJECT_NAME"] = new BuildEnvironmentVariable { Value = config.ProjectName },
                    ["DEPLOY_ENVIRONMENT"] = new BuildEnvironmentVariable { Value = config.Environment },
                    ["DEPLOY_FRONTEND"] = new BuildEnvironmentVariable { Value = config.DeployFrontend ? "true" : "false" },
                    // Empty means "not configured"; prod synth refuses that, so the deploy fails loudly, not open.
                    ["CONSOLE_ORIGIN"] = new BuildEnvironmentVariable { Value = config.ConsoleOrigin ?? string.Empty },
                },
            });
            if (stage.Deploys)
            {
                // cdk deploy acts through the bootstrap roles; the project itself gets no resource rights.
                project.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["sts:AssumeRole"],
                    Resources = [$"arn:{Pseudo.PARTITION}:iam::{Pseudo.ACCOUNT_ID}:role/cdk-*"],
                }));
            }

            projects[stage.StageName] = project;
            Pipeline.AddStage(new StageOptions
            {
                StageName = stage.StageName,
                Actions =
                [
                    new CodeBuildAction(new CodeBuildActionProps
                    {
                        ActionName = stage.StageName,
                        Project = project,
                        Input = source,
                    }),
                ],
            });
        }

        NotificationRule = Pipeline.NotifyOnExecutionStateChange("PipelineNotifications", props.NotificationTopic, new Amazon.CDK.AWS.CodeStarNotifications.NotificationRuleOptions
        {
            NotificationRuleName = config.Name("pipeline-events"),
        });

        new CfnOutput(this, "RepositoryCloneUrl", new CfnOutputProps { Value = Repository.RepositoryCloneUrlGrc });
    }

    public Repository Repository { get; }

    public Key ArtifactKey { get; }

    public Bucket ArtifactBucket { get; }

    public Pipeline Pipeline { get; }

    public Amazon.CDK.AWS.CodeStarNotifications.INotificationRule NotificationRule { get; }

    public PipelineProject ProjectFor(string stageName) => projects[stageName];

    /// <summary>Records why the wildcards CodePipeline/CodeBuild grant themselves are acceptable. Call after all stages exist.</summary>
    public void SuppressRoleFindings()
    {
        var reason = new NagSuppression("AwsSolutions-IAM5",
            "CDK's CodePipeline/CodeBuild grants: artifact objects, report groups and log streams are named per run; "
            + "deploy stages may assume only the cdk bootstrap roles (cdk-*) of this account.");
        foreach (var role in Node.FindAll().OfType<Role>())
        {
            Nag.SuppressChild(role, "DefaultPolicy", reason);
        }
    }
}
