using System.Text.Json;
using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.Security;

namespace DrsOrchestrator.Api.Tests.Pipeline;

public sealed class ApiPipelineTests
{
    [Fact]
    public async Task HandleAsync_Health_AnswersWithoutIdentityInTheEnvelope()
    {
        // Arrange
        var pipeline = OfflineApi.Create();

        // Act
        var response = await pipeline.HandleAsync(ApiRequestBuilder.Get("/health").WithRequestId("req-health-1").Build());

        // Assert
        var data = ResponseAssert.Success(response);
        Assert.Equal("ok", data.GetProperty("status").GetString());
        Assert.Equal("req-health-1", response.Headers["X-Request-Id"]);
        Assert.Contains("\"requestId\":\"req-health-1\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AnyResponse_CarriesCorsAndSecurityHeaders()
    {
        var pipeline = OfflineApi.Create();

        var response = await pipeline.HandleAsync(ApiRequestBuilder.Get("/nowhere").Build());

        Assert.Equal(ApiTestHost.AllowedOrigin, response.Headers["Access-Control-Allow-Origin"]);
        Assert.Contains("Authorization", response.Headers["Access-Control-Allow-Headers"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
    }

    [Fact]
    public async Task HandleAsync_UnknownPath_Returns404RouteNotFound()
    {
        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Get("/no/such/route").As(TestCaller.InGroup(RoleGroups.Admin)).Build());

        ResponseAssert.Error(response, 404, "ROUTE_NOT_FOUND");
    }

    [Fact]
    public async Task HandleAsync_KnownPathWrongMethod_Returns405MethodNotAllowed()
    {
        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Delete("/health").Build());

        ResponseAssert.Error(response, 405, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task HandleAsync_Preflight_Returns204WithCors()
    {
        var response = await OfflineApi.Create().HandleAsync(new ApiRequestBuilder().With("OPTIONS", "/users/profile").Build());

        Assert.Equal(204, response.StatusCode);
        Assert.Equal(ApiTestHost.AllowedOrigin, response.Headers["Access-Control-Allow-Origin"]);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task HandleAsync_ProfileWithoutToken_Returns401()
    {
        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Get("/users/profile").Build());

        ResponseAssert.Error(response, 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task HandleAsync_ProfileOfPlanManager_ListsEffectivePermissions()
    {
        var caller = TestCaller.WithGroups("pm", RoleGroups.PlanManager, "SomeOtherGroup");

        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Get("/users/profile").As(caller).Build());

        var data = ResponseAssert.Success(response);
        Assert.Equal("sub-pm", data.GetProperty("sub").GetString());
        Assert.Equal(["DRSPlanManager", "SomeOtherGroup"], data.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(
            ["drs:CreateProtectionGroup", "drs:UpdateProtectionGroup", "drs:CreateRecoveryPlan", "drs:UpdateRecoveryPlan", "drs:ViewResources"],
            data.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task HandleAsync_ProfileOfUserInNoGroup_IsAllowedWithNoPermissions()
    {
        var response = await OfflineApi.Create().HandleAsync(ApiRequestBuilder.Get("/users/profile").As(TestCaller.NoGroup).Build());

        var data = ResponseAssert.Success(response);
        Assert.Equal(0, data.GetProperty("permissions").GetArrayLength());
    }

    [Fact]
    public async Task HandleAsync_AnyRequest_WritesOneJsonLogLineWithoutSecrets()
    {
        // Arrange
        var log = new StringWriter();
        var pipeline = OfflineApi.Create(log);
        var request = ApiRequestBuilder.Get("/users/profile").As(TestCaller.InGroup(RoleGroups.ReadOnly)).WithRequestId("req-log-1").Build();
        request = request with { Headers = new Dictionary<string, string> { ["Authorization"] = "eyJhbGciOiJIUzI1NiJ9.secret-token" } };

        // Act
        await pipeline.HandleAsync(request);

        // Assert
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal("req-log-1", entry.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("/users/profile", entry.RootElement.GetProperty("route").GetString());
        Assert.Equal(200, entry.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("secret-token", line, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.test", line, StringComparison.Ordinal);
    }
}
