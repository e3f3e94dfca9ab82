using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class SpokeStackTests(FullAppFixture full, ExternalRoleAppFixture external)
{
    [Fact]
    public void Parameters_HubAccountAndExternalId_ExternalIdIsNoEcho()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var parameters = json["Parameters"]!.AsObject();

        // Assert
        Assert.Equal("^[0-9]{12}$", parameters["HubAccountId"]!["AllowedPattern"].Str());
        Assert.True(parameters["ExternalId"]!["NoEcho"]!.GetValue<bool>());
        Assert.Null(parameters["ExternalId"]!["Default"]);
        Assert.Null(parameters["HubAccountId"]!["Default"]);
    }

    [Fact]
    public void Trust_CrossAccountRole_RequiresExternalIdAndHubFunctionRoles()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var role = CrossAccountRole(json);
        var statement = role["AssumeRolePolicyDocument"]!["Statement"]![0]!;

        // Assert
        Assert.Equal("drs-orchestrator-dev-drs-spoke", role["RoleName"].Str());
        Assert.Equal("sts:AssumeRole", statement["Action"].Str());
        Assert.Contains("ExternalId", statement["Condition"]!["StringEquals"]!["sts:ExternalId"]!.ToJsonString(), StringComparison.Ordinal);
        var principals = statement["Condition"]!["ArnEquals"]!["aws:PrincipalArn"]!.ToJsonString();
        Assert.Contains("drs-orchestrator-dev-api-role", principals, StringComparison.Ordinal);
        Assert.Contains("drs-orchestrator-dev-orchestration-role", principals, StringComparison.Ordinal);
        Assert.Contains("drs-orchestrator-dev-execution-poller-role", principals, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_ExternalRoleMode_AlsoTrustsTheExternalRole()
    {
        // Arrange
        var json = external.JsonOf(external.Stacks.Spoke);

        // Act
        var statement = CrossAccountRole(json)["AssumeRolePolicyDocument"]!["Statement"]![0]!;

        // Assert
        Assert.Contains(ExternalRoleAppFixture.RoleArn, statement["Condition"]!["ArnEquals"]!["aws:PrincipalArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Permissions_Spoke_OnlyDrsEc2AndScopedPassRole()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var policy = json.Resources("AWS::IAM::Policy").Select(p => p.Resource.Props())
            .Single(p => p["Roles"]!.ToJsonString().Contains("CrossAccountRole", StringComparison.Ordinal));
        var actions = policy["PolicyDocument"]!["Statement"]!.AsArray().SelectMany(s => s!.AsObject().Actions()).ToList();

        // Assert
        Assert.Contains("drs:StartRecovery", actions);
        Assert.All(actions, a => Assert.True(
            a.StartsWith("drs:", StringComparison.Ordinal) || a.StartsWith("ec2:", StringComparison.Ordinal)
            || a is "iam:PassRole" or "iam:ListInstanceProfiles" or "servicequotas:GetServiceQuota", a));
        Assert.DoesNotContain(actions, a => a.EndsWith('*'));
        var passRole = policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).Single(s => s.Actions().Contains("iam:PassRole"));
        Assert.Equal("ec2.amazonaws.com", passRole["Condition"]!["StringEquals"]!["iam:PassedToService"].Str());
    }

    [Fact]
    public void Permissions_Spoke_AppliesLaunchTemplatesAndListsInstanceProfiles()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var policy = json.Resources("AWS::IAM::Policy").Select(p => p.Resource.Props())
            .Single(p => p["Roles"]!.ToJsonString().Contains("CrossAccountRole", StringComparison.Ordinal));
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var actions = statements.SelectMany(s => s.Actions()).ToList();
        var passRole = statements.Single(s => s.Actions().Contains("iam:PassRole"));

        // Assert
        Assert.All(
            new[] { "ec2:DescribeLaunchTemplateVersions", "ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate", "ec2:DeleteLaunchTemplateVersions", "iam:ListInstanceProfiles" },
            a => Assert.Contains(a, actions));
        Assert.Equal(["iam:PassRole"], passRole.Actions());
        // Any of this account's roles, since the operator picks the instance profile, but never another account's.
        var resource = passRole["Resource"]!.ToJsonString();
        Assert.Contains(":role/*\"", resource, StringComparison.Ordinal);
        Assert.Contains("AWS::AccountId", resource, StringComparison.Ordinal);
    }

    [Fact]
    public void Forwarding_Rule_LaunchResultsFromTheDefaultBusToTheHubBus()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var rule = json.Single("AWS::Events::Rule").Props();

        // Assert
        Assert.Equal("drs-orchestrator-dev-forward-drs-launch-result", rule["Name"].Str());
        Assert.Null(rule["EventBusName"]);
        Assert.Equal(["aws.drs"], rule["EventPattern"]!["source"].AsStrings());
        Assert.Equal([EventBridgeStack.LaunchResultDetailType], rule["EventPattern"]!["detail-type"].AsStrings());
        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        var arn = target["Arn"]!.ToJsonString();
        Assert.Contains("event-bus/drs-orchestrator-dev-events", arn, StringComparison.Ordinal);
        Assert.Contains("HubAccountId", arn, StringComparison.Ordinal);
        Assert.Contains("HubInThisRegion", arn, StringComparison.Ordinal);
        Assert.Contains("EventForwardingRole", target["RoleArn"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("ForwardingDlq", target["DeadLetterConfig"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Forwarding_Role_AssumedByEventBridgeMayOnlyPutOnTheHubBus()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var role = json.Resources("AWS::IAM::Role").Select(r => r.Resource.Props())
            .Single(r => r["RoleName"].Str() == "drs-orchestrator-dev-drs-event-forwarder");
        var policy = json.Resources("AWS::IAM::Policy").Select(p => p.Resource.Props())
            .Single(p => p["Roles"]!.ToJsonString().Contains("EventForwardingRole", StringComparison.Ordinal));

        // Assert
        Assert.Equal("events.amazonaws.com", role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"].Str());
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, statement =>
        {
            Assert.Equal(["events:PutEvents"], statement.Actions());
            Assert.Contains("event-bus/drs-orchestrator-dev-events", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Parameters_HubRegion_OptionalDefaultsToTheSpokesRegion()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var parameter = json["Parameters"]!["HubRegion"]!;
        var condition = json["Conditions"]!["HubInThisRegion"]!.ToJsonString();

        // Assert
        Assert.Equal(string.Empty, parameter["Default"].Str());
        Assert.Contains("HubRegion", condition, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject CrossAccountRole(System.Text.Json.Nodes.JsonObject template) =>
        template.Resources("AWS::IAM::Role").Select(r => r.Resource.Props()).Single(r => r["RoleName"].Str().EndsWith("-drs-spoke", StringComparison.Ordinal));
}
