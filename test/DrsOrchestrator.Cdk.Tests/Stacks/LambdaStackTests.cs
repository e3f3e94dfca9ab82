using System.Text.Json.Nodes;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Cdk.Packaging;
using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class LambdaStackTests(FullAppFixture full, ApiOnlyAppFixture apiOnly, ExternalRoleAppFixture external)
{
    [Fact]
    public void Functions_FullMode_AllFourProjectsWithTheirHandlers()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var handlers = json.Resources("AWS::Lambda::Function").Select(f => f.Resource.Props()["Handler"].Str()).Order().ToList();

        // Assert
        Assert.Equal(LambdaProject.All.Select(p => p.Handler).Order(), handlers);
        Assert.Contains("DrsOrchestrator.Functions.Api::DrsOrchestrator.Functions.Api.Function::HandleAsync", handlers);
    }

    [Fact]
    public void Functions_EveryOne_SharesTheRuntimeConstructSettings()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var functions = json.Resources("AWS::Lambda::Function").Select(f => f.Resource.Props()).ToList();

        // Assert
        Assert.All(functions, f =>
        {
            Assert.Equal("dotnet10", f["Runtime"].Str());
            Assert.Equal(["arm64"], f["Architectures"].AsStrings());
            Assert.Equal("Active", f["TracingConfig"]!["Mode"].Str());
            Assert.Equal("JSON", f["LoggingConfig"]!["LogFormat"].Str());
            Assert.NotNull(f["LoggingConfig"]!["LogGroup"]);
            Assert.NotNull(f["DeadLetterConfig"]!["TargetArn"]);
            Assert.StartsWith("drs-orchestrator-dev-", f["FunctionName"].Str(), StringComparison.Ordinal);
        });
        Assert.Equal(functions.Count, json.Resources("AWS::SQS::Queue").Count);
        Assert.All(json.Resources("AWS::Logs::LogGroup"), g => Assert.Equal(30, g.Resource.Props()["RetentionInDays"]!.GetValue<int>()));
    }

    [Fact]
    public void Roles_EachFunction_HasItsOwnRole()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var roleRefs = json.Resources("AWS::Lambda::Function").Select(f => f.Resource.Props()["Role"]!["Fn::GetAtt"]![0].Str()).ToList();

        // Assert
        Assert.Equal(4, roleRefs.Distinct().Count());
        Assert.Equal(4, json.Resources("AWS::IAM::Role").Count);
        Assert.DoesNotContain(json.Resources("AWS::IAM::Role"), r => r.Resource.Props()["ManagedPolicyArns"] is not null);
    }

    [Fact]
    public void Environment_ApiFunction_HasEveryTableAndTheStateMachine()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var api = FunctionNamed(json, "drs-orchestrator-dev-api");
        var variables = api["Environment"]!["Variables"]!.AsObject();

        // Assert
        foreach (var table in TableSchema.All)
        {
            Assert.True(variables.ContainsKey(table.EnvironmentVariable), table.EnvironmentVariable);
        }

        Assert.Contains("stateMachine:drs-orchestrator-dev-orchestration", variables[FunctionEnvironment.StateMachineArn]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("drs-orchestrator-dev-events", variables[FunctionEnvironment.EventBusName].Str());
        Assert.Equal("drs-orchestrator-dev-drs-spoke", variables[FunctionEnvironment.SpokeRoleName].Str());
    }

    [Fact]
    public void Policies_ApiRole_StartsOnlyTheOrchestrationStateMachine()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var start = json.PolicyStatements().Where(s => s.Actions().Contains("states:StartExecution")).ToList();

        // Assert
        var statement = Assert.Single(start);
        Assert.Contains("stateMachine:drs-orchestrator-dev-orchestration", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("*", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_AssumeRole_OnlyTheSpokeRoleName()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var assume = json.PolicyStatements().Where(s => s.Actions().Contains("sts:AssumeRole")).ToList();

        // Assert
        Assert.NotEmpty(assume);
        Assert.All(assume, s =>
        {
            var resource = s["Resource"]!.ToJsonString();
            Assert.Contains(":role/drs-orchestrator-dev-drs-spoke\"", resource, StringComparison.Ordinal);
            Assert.DoesNotContain("role/*", resource, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Policies_FrontendBuilderRole_HasNoDataAccess()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);
        var builderRole = FunctionNamed(json, "drs-orchestrator-dev-frontend-builder")["Role"]!["Fn::GetAtt"]![0].Str();

        // Act
        var statements = json.Resources("AWS::IAM::Policy")
            .Where(p => p.Resource.Props()["Roles"]!.ToJsonString().Contains(builderRole, StringComparison.Ordinal))
            .SelectMany(p => p.Resource.Props()["PolicyDocument"]!["Statement"]!.AsArray())
            .SelectMany(s => s!.AsObject().Actions())
            .ToList();

        // Assert
        Assert.DoesNotContain(statements, a => a.StartsWith("dynamodb:", StringComparison.Ordinal) || a.StartsWith("drs:", StringComparison.Ordinal));
    }

    [Fact]
    public void FrontendBuilder_PublishTimeout_LeavesAMinuteToAnswerCloudFormation()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var builder = FunctionNamed(json, "drs-orchestrator-dev-frontend-builder");

        // Assert
        var timeout = builder["Timeout"]!.GetValue<int>();
        var publish = int.Parse(builder["Environment"]!["Variables"]![FunctionEnvironment.PublishTimeoutSeconds].Str(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(timeout - 60, publish);
    }

    [Fact]
    public void Functions_ApiOnlyMode_HasNoFrontendBuilder()
    {
        // Arrange
        var json = apiOnly.JsonOf(apiOnly.Stacks.Hub.Lambda);

        // Act
        var handlers = json.Resources("AWS::Lambda::Function").Select(f => f.Resource.Props()["Handler"].Str()).ToList();

        // Assert
        Assert.Equal(3, handlers.Count);
        Assert.DoesNotContain(LambdaProject.FrontendBuilder.Handler, handlers);
        Assert.Null(apiOnly.Stacks.Hub.Frontend);
    }

    [Fact]
    public void Orchestration_ExternalRoleMode_RunsUnderTheGivenRoleAndCreatesNone()
    {
        // Arrange
        var json = external.JsonOf(external.Stacks.Hub.Lambda);

        // Act
        var orchestration = FunctionNamed(json, "drs-orchestrator-prod-orchestration");
        var roleNames = json.Resources("AWS::IAM::Role").Select(r => r.Resource.Props()["RoleName"].Str()).ToList();

        // Assert
        Assert.Equal(ExternalRoleAppFixture.RoleArn, orchestration["Role"].Str());
        Assert.DoesNotContain("drs-orchestrator-prod-orchestration-role", roleNames);
        Assert.Contains("drs-orchestrator-prod-api-role", roleNames);
        Assert.All(json.Resources("AWS::Logs::LogGroup"), g => Assert.Equal(365, g.Resource.Props()["RetentionInDays"]!.GetValue<int>()));
    }

    [Fact]
    public void Policies_ApiRole_WritesOnlyLaunchTemplatesAndListsInstanceProfiles()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var statements = RoleStatements(json, "drs-orchestrator-dev-api");
        var templateWrites = statements.Where(s => s.Actions().Contains("ec2:CreateLaunchTemplateVersion")).ToList();

        // Assert
        var write = Assert.Single(templateWrites);
        Assert.Equal(["ec2:CreateLaunchTemplateVersion", "ec2:DeleteLaunchTemplateVersions", "ec2:ModifyLaunchTemplate"], write.Actions().Order(StringComparer.Ordinal));
        var resource = write["Resource"]!.ToJsonString();
        Assert.Contains(":launch-template/*", resource, StringComparison.Ordinal);
        Assert.Contains("AWS::AccountId", resource, StringComparison.Ordinal);
        var actions = statements.SelectMany(s => s.Actions()).ToList();
        Assert.Contains("ec2:DescribeLaunchTemplateVersions", actions);
        Assert.Contains("iam:ListInstanceProfiles", actions);
        Assert.DoesNotContain("iam:PassRole", actions);
    }

    [Fact]
    public void Policies_OrchestrationRole_AppliesTemplatesAndPassesRolesOnlyToEc2()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);

        // Act
        var statements = RoleStatements(json, "drs-orchestrator-dev-orchestration");
        var actions = statements.SelectMany(s => s.Actions()).ToList();
        var passRole = Assert.Single(statements, s => s.Actions().Contains("iam:PassRole"));

        // Assert
        Assert.Contains("ec2:DescribeLaunchTemplateVersions", actions);
        Assert.Contains("ec2:CreateLaunchTemplateVersion", actions);
        Assert.Contains("ec2:ModifyLaunchTemplate", actions);
        Assert.Contains("ec2:DeleteLaunchTemplateVersions", actions);
        Assert.Equal(["iam:PassRole"], passRole.Actions());
        Assert.Equal("ec2.amazonaws.com", passRole["Condition"]!["StringEquals"]!["iam:PassedToService"].Str());
        Assert.Contains(":role/*\"", passRole["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static List<JsonObject> RoleStatements(JsonObject json, string functionName)
    {
        var role = FunctionNamed(json, functionName)["Role"]!["Fn::GetAtt"]![0].Str();
        return [.. json.Resources("AWS::IAM::Policy")
            .Where(p => p.Resource.Props()["Roles"]!.ToJsonString().Contains(role, StringComparison.Ordinal))
            .SelectMany(p => p.Resource.Props()["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject())];
    }

    [Fact]
    public void Policies_PollerRole_TagsWithoutUntaggingWritesItsTablesOnlyReadsGroupsAndNeverPlans()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Lambda);
        var pollerRole = FunctionNamed(json, "drs-orchestrator-dev-execution-poller")["Role"]!["Fn::GetAtt"]![0].Str();

        // Act
        var statements = json.Resources("AWS::IAM::Policy")
            .Where(p => p.Resource.Props()["Roles"]!.ToJsonString().Contains(pollerRole, StringComparison.Ordinal))
            .SelectMany(p => p.Resource.Props()["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject())
            .ToList();
        var actions = statements.SelectMany(s => s.Actions()).ToList();
        var writes = statements.Where(s => s.Actions().Contains("dynamodb:PutItem")).Select(s => s["Resource"]!.ToJsonString()).ToList();
        var reads = statements.Where(s => s.Actions().Contains("dynamodb:GetItem")).Select(s => s["Resource"]!.ToJsonString()).ToList();

        // Assert: tag sync adds tags and keeps its run record in the settings table; accounts are only read.
        Assert.Contains("drs:TagResource", actions);
        Assert.Contains("drs:DescribeSourceServers", actions);
        Assert.DoesNotContain("drs:UntagResource", actions);
        Assert.Contains(writes, r => r.Contains("DatabaseSettingsTable", StringComparison.Ordinal));
        Assert.Contains(writes, r => r.Contains("DatabaseExecutionHistoryTable", StringComparison.Ordinal));
        Assert.DoesNotContain(writes, r => r.Contains("DatabaseTargetAccountsTable", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("DatabaseTargetAccountsTable", StringComparison.Ordinal));
        Assert.DoesNotContain(writes, r => r.Contains("DatabaseProtectionGroupsTable", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("DatabaseProtectionGroupsTable", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s["Resource"]!.ToJsonString().Contains("DatabaseRecoveryPlansTable", StringComparison.Ordinal));
    }

    private static JsonObject FunctionNamed(JsonObject json, string name) =>
        json.Resources("AWS::Lambda::Function").Select(f => f.Resource.Props()).Single(p => p["FunctionName"].Str() == name);
}
