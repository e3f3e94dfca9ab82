using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed partial class AppConventionsTests(FullAppFixture full, ExternalRoleAppFixture external)
{
    // Resource types whose name property the app sets; every value must follow the naming rule.
    private static readonly (string Type, string Property)[] NamedProperties =
    [
        ("AWS::Lambda::Function", "FunctionName"), ("AWS::DynamoDB::Table", "TableName"), ("AWS::IAM::Role", "RoleName"),
        ("AWS::SQS::Queue", "QueueName"), ("AWS::SNS::Topic", "TopicName"), ("AWS::StepFunctions::StateMachine", "StateMachineName"),
        ("AWS::Events::Rule", "Name"), ("AWS::Events::EventBus", "Name"), ("AWS::WAFv2::WebACL", "Name"), ("AWS::WAFv2::IPSet", "Name"),
        ("AWS::Cognito::UserPool", "UserPoolName"), ("AWS::ApiGateway::RestApi", "Name"), ("AWS::SecretsManager::Secret", "Name"),
        ("AWS::CloudTrail::Trail", "TrailName"), ("AWS::CodeBuild::Project", "Name"), ("AWS::CodePipeline::Pipeline", "Name"),
        ("AWS::CodeCommit::Repository", "RepositoryName"), ("AWS::CloudWatch::Dashboard", "DashboardName"),
    ];

    // Types that carry tags in CloudFormation; each must have Project and Environment.
    private static readonly string[] TaggedTypes =
    [
        "AWS::Lambda::Function", "AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::IAM::Role",
        "AWS::StepFunctions::StateMachine", "AWS::KMS::Key", "AWS::Logs::LogGroup", "AWS::SecretsManager::Secret",
        "AWS::WAFv2::WebACL", "AWS::CloudTrail::Trail", "AWS::CodeBuild::Project", "AWS::CloudFront::Distribution",
        "AWS::ApiGateway::RestApi", "AWS::Cognito::UserPool", "AWS::CloudFormation::Stack",
    ];

    [Fact]
    public void Names_EveryNamedResource_FollowsProjectEnvironmentResource()
    {
        // Arrange
        var templates = AllTemplates(full);

        // Act
        var names = templates.SelectMany(t => NamedProperties.SelectMany(n =>
            t.Resources(n.Type).Select(r => (n.Type, Value: r.Resource.Props()[n.Property]))))
            .Where(n => n.Value is JsonValue)
            .Select(n => (n.Type, Name: n.Value!.GetValue<string>()))
            .ToList();

        // Assert
        Assert.True(names.Count > 40, $"only {names.Count} named resources found");
        Assert.All(names, n => Assert.True(n.Name.StartsWith("drs-orchestrator-dev-", StringComparison.Ordinal), $"{n.Type} {n.Name}"));
    }

    [Fact]
    public void Tags_EveryTaggableResource_HasProjectAndEnvironment()
    {
        // Arrange
        var templates = AllTemplates(full);

        // Act
        var resources = templates.SelectMany(t => TaggedTypes.SelectMany(type => t.Resources(type))).ToList();

        // Assert
        Assert.NotEmpty(resources);
        Assert.All(resources, r =>
        {
            var tags = TagsOf(r.Resource);
            Assert.True(tags.TryGetValue("Project", out var project) && project == "drs-orchestrator", $"{r.LogicalId} Project");
            Assert.True(tags.TryGetValue("Environment", out var env) && env == "dev", $"{r.LogicalId} Environment");
        });
    }

    [Fact]
    public void Templates_NoSecretsAccountIdsOrUnconfiguredEmails()
    {
        // Arrange
        var texts = full.TemplateFiles().Select(File.ReadAllText).ToList();

        // Act
        var passwords = texts.SelectMany(t => PasswordProperty().Matches(t)).Select(m => m.Value).ToList();
        var accountIds = texts.SelectMany(t => AccountId().Matches(t)).Select(m => m.Value).ToList();
        var emails = texts.SelectMany(t => Email().Matches(t)).Select(m => m.Value).Distinct().ToList();

        // Assert
        Assert.Empty(passwords);
        Assert.Empty(accountIds);
        Assert.Subset(new HashSet<string> { FullAppFixture.AdminEmail, FullAppFixture.NotificationEmail }, emails.ToHashSet());
    }

    [Fact]
    public void Parameters_NoEchoParameters_HaveNoDefault()
    {
        // Arrange
        var templates = AllTemplates(full).Concat(AllTemplates(external));

        // Act
        var noEcho = templates.SelectMany(t => t["Parameters"]?.AsObject().Select(p => p.Value!.AsObject()) ?? [])
            .Where(p => p["NoEcho"]?.GetValue<bool>() == true).ToList();

        // Assert
        Assert.NotEmpty(noEcho);
        Assert.All(noEcho, p => Assert.Null(p["Default"]));
    }

    [Fact]
    public void Stacks_Hub_IsNamedProjectEnvironment()
    {
        // Arrange
        var hub = full.Stacks.Hub;

        // Act
        var name = hub.StackName;

        // Assert
        Assert.Equal("drs-orchestrator-dev", name);
        Assert.Equal("drs-orchestrator-dev-spoke", full.Stacks.Spoke.StackName);
    }

    private static List<JsonObject> AllTemplates(SynthesizedApp app) =>
        [.. app.TemplateFiles().Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())];

    private static Dictionary<string, string> TagsOf(JsonObject resource)
    {
        var props = resource["Properties"]?.AsObject();
        var tags = props?["Tags"] ?? props?["UserPoolTags"];
        return tags switch
        {
            JsonArray list => list.Where(t => t!["Value"] is JsonValue).ToDictionary(t => t!["Key"].Str(), t => t!["Value"].Str()),
            JsonObject map => map.ToDictionary(p => p.Key, p => p.Value.Str()),
            _ => [],
        };
    }

    [GeneratedRegex("\"(TemporaryPassword|Password|MasterUserPassword|SecretString)\"\\s*:")]
    private static partial Regex PasswordProperty();

    [GeneratedRegex("(?<![0-9a-fA-F])[0-9]{12}(?![0-9a-fA-F])")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
