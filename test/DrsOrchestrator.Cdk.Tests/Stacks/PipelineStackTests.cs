using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class PipelineStackTests(FullAppFixture full, ApiOnlyAppFixture apiOnly)
{
    [Fact]
    public void Pipeline_Stages_SourceThenTheFiveBuildStagesInOrder()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Pipeline!);

        // Act
        var stages = json.Single("AWS::CodePipeline::Pipeline").Props()["Stages"]!.AsArray().Select(s => s!["Name"].Str()).ToList();

        // Assert
        Assert.Equal(["Source", "Validate", "Build", "Test", "DeployInfrastructure", "DeployFrontend"], stages);
    }

    [Fact]
    public void Projects_EachStage_ReadsItsBuildspecFromTheRepository()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Pipeline!);

        // Act
        var buildspecs = json.Resources("AWS::CodeBuild::Project").Select(p => p.Resource.Props()["Source"]!["BuildSpec"].Str()).Order();

        // Assert
        Assert.Equal(PipelineStage.BuildStages.Select(s => s.BuildspecPath).Order(), buildspecs);
        Assert.All(json.Resources("AWS::CodeBuild::Project"), p => Assert.NotNull(p.Resource.Props()["EncryptionKey"]));
    }

    [Fact]
    public void ArtifactBucket_Settings_KmsEncryptedWithLifecycle()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Pipeline!);
        var stack = full.Stacks.Hub.Pipeline!;
        var logicalId = stack.GetLogicalId((Amazon.CDK.CfnElement)stack.ArtifactBucket.Node.DefaultChild!);

        // Act
        var bucket = json["Resources"]![logicalId]!["Properties"]!;

        // Assert
        Assert.Equal("aws:kms", bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"].Str());
        var rule = bucket["LifecycleConfiguration"]!["Rules"]![0]!;
        Assert.Equal(30, rule["ExpirationInDays"]!.GetValue<int>());
        Assert.NotNull(rule["AbortIncompleteMultipartUpload"]);
    }

    [Fact]
    public void Notifications_Pipeline_PublishesToTheTopic()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Pipeline!);

        // Act
        var rule = json.Single("AWS::CodeStarNotifications::NotificationRule").Props();

        // Assert
        Assert.Equal("drs-orchestrator-dev-pipeline-events", rule["Name"].Str());
        Assert.Equal("SNS", rule["Targets"]![0]!["TargetType"].Str());
        Assert.Equal("drs-orchestrator-dev-repo", json.Single("AWS::CodeCommit::Repository").Props()["RepositoryName"].Str());
    }

    [Fact]
    public void Pipeline_NotRequested_IsAbsent()
    {
        // Arrange
        var hub = apiOnly.Stacks.Hub;

        // Act
        var pipeline = hub.Pipeline;

        // Assert
        Assert.Null(pipeline);
    }
}
