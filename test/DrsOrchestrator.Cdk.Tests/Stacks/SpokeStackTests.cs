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
        var role = json.Single("AWS::IAM::Role").Props();
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
        var statement = json.Single("AWS::IAM::Role").Props()["AssumeRolePolicyDocument"]!["Statement"]![0]!;

        // Assert
        Assert.Contains(ExternalRoleAppFixture.RoleArn, statement["Condition"]!["ArnEquals"]!["aws:PrincipalArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Permissions_Spoke_OnlyDrsEc2AndScopedPassRole()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Spoke);

        // Act
        var actions = json.PolicyStatements().SelectMany(s => s.Actions()).ToList();

        // Assert
        Assert.Contains("drs:StartRecovery", actions);
        Assert.All(actions, a => Assert.True(
            a.StartsWith("drs:", StringComparison.Ordinal) || a.StartsWith("ec2:", StringComparison.Ordinal)
            || a is "iam:PassRole" or "iam:ListInstanceProfiles" or "servicequotas:GetServiceQuota", a));
        Assert.DoesNotContain(actions, a => a.EndsWith('*'));
        var passRole = json.PolicyStatements().Single(s => s.Actions().Contains("iam:PassRole"));
        Assert.Equal("ec2.amazonaws.com", passRole["Condition"]!["StringEquals"]!["iam:PassedToService"].Str());
    }
}
