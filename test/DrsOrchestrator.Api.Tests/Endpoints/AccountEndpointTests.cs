using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class AccountEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task ValidateAccount_RightExternalId_AssumesTheRoleReachesDrsInEveryRegionAndStoresValid()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "accounts-valid");
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(ApiTestHost.SpokeA)).As(Admin)), 201);
        host.Simulator.Simulator.ClearCalls();

        // Act
        var result = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/accounts/{ApiTestHost.SpokeA}/validate").As(Admin)));

        // Assert
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal(2, result.GetProperty("regions").GetArrayLength());
        Assert.All(result.GetProperty("regions").EnumerateArray(), r => Assert.True(r.GetProperty("drsReachable").GetBoolean()));
        var stored = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/accounts/" + ApiTestHost.SpokeA).As(Admin)));
        Assert.Equal("VALID", stored.GetProperty("validation").GetProperty("state").GetString());

        // The spoke's DRS calls used the assumed session, never the hub's long-term key.
        var drsCalls = host.Simulator.Simulator.Calls.Where(c => c.Operation == "DescribeSourceServers" && c.AccountId == ApiTestHost.SpokeA).ToList();
        Assert.NotEmpty(drsCalls);
        Assert.All(drsCalls, c => Assert.StartsWith("ASIASIM" + ApiTestHost.SpokeA, c.AccessKeyId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAccount_WrongExternalId_ReportsAssumeRoleFailureAndStoresInvalid()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "accounts-invalid");
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(ApiTestHost.SpokeB, externalId: "not-the-configured-id")).As(Admin)), 201);

        // Act
        var result = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/accounts/{ApiTestHost.SpokeB}/validate").As(Admin)));

        // Assert
        Assert.False(result.GetProperty("valid").GetBoolean());
        var region = result.GetProperty("regions")[0];
        Assert.False(region.GetProperty("assumedRole").GetBoolean());
        Assert.Equal("AccessDenied", region.GetProperty("errorCode").GetString());
        Assert.Equal("INVALID", result.GetProperty("account").GetProperty("validation").GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("""{"accountId":"12345","name":"x","roleArn":"arn:aws:iam::123456789012:role/r","externalId":"abcd","regions":["us-east-1"]}""", "INVALID_ACCOUNT")]
    [InlineData("""{"accountId":"123456789012","name":"x","roleArn":"arn:aws:iam::210987654321:role/r","externalId":"abcd","regions":["us-east-1"]}""", "ROLE_ACCOUNT_MISMATCH")]
    [InlineData("""{"accountId":"123456789012","name":"x","roleArn":"arn:aws:iam::123456789012:role/r","externalId":"abcd","regions":["mars-1"]}""", "INVALID_REGION")]
    public async Task CreateAccount_InvalidRegistration_Returns422WithStableCode(string body, string code)
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "accounts-crud");

        var response = await host.SendAsync(ApiRequestBuilder.Post("/accounts", body).As(Admin));

        ResponseAssert.Error(response, 422, code);
    }

    [Fact]
    public async Task AccountLifecycle_CreateUpdateDuplicateDelete_BehavesWithVersionsAndConflicts()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "accounts-crud");
        const string Id = "333333333333";

        // Act
        var created = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(Id)).As(Admin)), 201);
        var duplicate = await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(Id)).As(Admin));
        var update = $$"""{"version":1,"name":"renamed","roleArn":"{{ApiTestHost.RoleArnOf(Id)}}","externalId":"another-external-id","regions":["eu-west-1"]}""";
        var updated = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/accounts/" + Id, update).As(Admin)));
        var stale = await host.SendAsync(ApiRequestBuilder.Put("/accounts/" + Id, update).As(Admin));
        var forbidden = await host.SendAsync(ApiRequestBuilder.Delete("/accounts/" + Id).As(TestCaller.InGroup(RoleGroups.PlanManager)));
        var deleted = await host.SendAsync(ApiRequestBuilder.Delete("/accounts/" + Id).As(Admin));

        // Assert
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        ResponseAssert.Error(duplicate, 409, "ACCOUNT_EXISTS");
        Assert.Equal("renamed", updated.GetProperty("name").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        ResponseAssert.Error(stale, 409, "VERSION_CONFLICT");
        ResponseAssert.Error(forbidden, 403, "FORBIDDEN");
        ResponseAssert.Success(deleted, 204);
        ResponseAssert.Error(await host.SendAsync(ApiRequestBuilder.Get("/accounts/" + Id).As(Admin)), 404, "ACCOUNT_NOT_FOUND");
    }

    [Fact]
    public async Task DeleteAccount_UsedByProtectionGroup_Returns409AccountInUse()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "accounts-in-use");
        const string Id = "444444444444";
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(Id)).As(Admin)), 201);
        await Fleet.CreateGroupAsync(host, Id, "us-east-1", ["s-1234567890abcdef0"]);

        // Act
        var response = await host.SendAsync(ApiRequestBuilder.Delete("/accounts/" + Id).As(Admin));

        // Assert
        ResponseAssert.Error(response, 409, "ACCOUNT_IN_USE");
    }

    [Fact]
    public async Task DeleteAccount_AfterItsOnlyGroupMovedAway_Returns204()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "accounts-in-use");
        const string Id = "444455550000";
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/accounts", Fleet.AccountJson(Id)).As(Admin)), 201);
        var json = new ProtectionGroupJson().In(Id, "us-east-1");
        var group = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", json.Create()).As(Admin)), 201).GetProperty("groupId").GetString()!;
        var refused = await host.SendAsync(ApiRequestBuilder.Delete("/accounts/" + Id).As(Admin));

        // Act
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/protection-groups/" + group, json.In("444455550001", "us-east-1").Update(1)).As(Admin)));
        var deleted = await host.SendAsync(ApiRequestBuilder.Delete("/accounts/" + Id).As(Admin));

        // Assert
        var error = ResponseAssert.Error(refused, 409, "ACCOUNT_IN_USE");
        Assert.Equal(group, error.GetProperty("details").GetProperty("protectionGroupIds")[0].GetString());
        ResponseAssert.Success(deleted, 204);
    }
}
