using DrsOrchestrator.Cdk.Tests.Fixtures;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class ApiStackTests(FullAppFixture full)
{
    [Fact]
    public void Methods_RouteTable_OneMethodPerRoute()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var methods = json.Resources("AWS::ApiGateway::Method").Select(m => m.Resource.Props())
            .Where(p => p["HttpMethod"].Str() != "OPTIONS").ToList();

        // Assert
        Assert.Equal(RouteTable.All.Count, methods.Count);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Method_Route_HasTheRightAuthorization(string method, string path)
    {
        // Arrange
        var route = RouteTable.Find(method, path);
        var stack = full.Stacks.Hub.Api;
        var json = full.JsonOf(stack);
        var logicalId = stack.GetLogicalId((Amazon.CDK.CfnElement)stack.MethodFor(method, path).Node.DefaultChild!);

        // Act
        var props = json["Resources"]![logicalId]!["Properties"]!.AsObject();

        // Assert
        Assert.Equal(method, props["HttpMethod"].Str());
        if (route.Access == RouteAccess.Public)
        {
            Assert.Equal("NONE", props["AuthorizationType"].Str());
        }
        else
        {
            Assert.Equal("COGNITO_USER_POOLS", props["AuthorizationType"].Str());
            Assert.NotNull(props["AuthorizerId"]);
        }

        Assert.Equal("AWS_PROXY", props["Integration"]!["Type"].Str());
    }

    [Fact]
    public void Method_PathTemplate_ResourceTreeMirrorsTheRoute()
    {
        // Arrange
        var stack = full.Stacks.Hub.Api;

        // Act
        var resource = stack.MethodFor("POST", "/executions/{id}/pause").Resource;

        // Assert
        Assert.Equal("/executions/{id}/pause", resource.Path);
    }

    [Fact]
    public void Permission_WholeApi_OneInvokePermission()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var permissions = json.Resources("AWS::Lambda::Permission");

        // Assert
        var permission = Assert.Single(permissions).Resource.Props();
        Assert.Equal("apigateway.amazonaws.com", permission["Principal"].Str());
    }

    [Fact]
    public void Stage_Settings_ThrottlesLogsAndTraces()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var stage = json.Single("AWS::ApiGateway::Stage").Props();

        // Assert
        Assert.True(stage["TracingEnabled"]!.GetValue<bool>());
        Assert.NotNull(stage["AccessLogSetting"]!["DestinationArn"]);
        var settings = stage["MethodSettings"]![0]!;
        Assert.Equal(50, settings["ThrottlingRateLimit"]!.GetValue<int>());
        Assert.Equal(100, settings["ThrottlingBurstLimit"]!.GetValue<int>());
        Assert.Single(json.Resources("AWS::WAFv2::WebACLAssociation"));
    }

    [Fact]
    public void UserPool_Policy_AdminCreatedEmailUsersStrongPasswordsOptionalTotp()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var pool = json.Single("AWS::Cognito::UserPool").Props();

        // Assert
        Assert.True(pool["AdminCreateUserConfig"]!["AllowAdminCreateUserOnly"]!.GetValue<bool>());
        Assert.Equal(["email"], pool["UsernameAttributes"].AsStrings());
        Assert.Equal("OPTIONAL", pool["MfaConfiguration"].Str());
        Assert.Equal(["SOFTWARE_TOKEN_MFA"], pool["EnabledMfas"].AsStrings());
        var password = pool["Policies"]!["PasswordPolicy"]!;
        Assert.True(password["MinimumLength"]!.GetValue<int>() >= 12);
        Assert.True(password["RequireSymbols"]!.GetValue<bool>() && password["RequireNumbers"]!.GetValue<bool>()
            && password["RequireUppercase"]!.GetValue<bool>() && password["RequireLowercase"]!.GetValue<bool>());
    }

    [Fact]
    public void UserPoolClient_Tokens_Last45Minutes()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var client = json.Single("AWS::Cognito::UserPoolClient").Props();

        // Assert
        Assert.Equal(45, client["AccessTokenValidity"]!.GetValue<int>());
        Assert.Equal(45, client["IdTokenValidity"]!.GetValue<int>());
        Assert.Equal("minutes", client["TokenValidityUnits"]!["AccessToken"].Str());
        Assert.False(client["GenerateSecret"]!.GetValue<bool>());
    }

    [Fact]
    public void Groups_RoleGroups_AllSixExist()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var groups = json.Resources("AWS::Cognito::UserPoolGroup").Select(g => g.Resource.Props()["GroupName"].Str()).Order();

        // Assert
        Assert.Equal(RoleGroups.All.Order(), groups);
    }

    [Fact]
    public void AdminUser_AdminEmailGiven_IsInvitedIntoTheAdminGroupWithoutPassword()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.Api);

        // Act
        var user = json.Single("AWS::Cognito::UserPoolUser").Props();
        var membership = json.Single("AWS::Cognito::UserPoolUserToGroupAttachment").Props();

        // Assert
        Assert.Equal(FullAppFixture.AdminEmail, user["Username"].Str());
        Assert.Equal(["EMAIL"], user["DesiredDeliveryMediums"].AsStrings());
        Assert.Null(user["TemporaryPassword"]);
        Assert.Equal(RoleGroups.Admin, membership["GroupName"].Str());
    }

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in RouteTable.All)
        {
            data.Add(route.Method, route.PathTemplate);
        }

        return data;
    }

}
