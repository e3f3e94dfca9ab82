using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Aws.Persistence;
using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.ProtectionGroups;
using DrsOrchestrator.Aws.Persistence.RecoveryPlans;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Local.Hosting;
using DrsOrchestrator.Local.Seed;
using DrsOrchestrator.Local.Tests.Support;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Local.Tests.Hosting;

[Collection(LocalHostCollection.Name)]
public sealed class LocalHostTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task AwsConfig_Get_ReturnsLocalAuthModeAndSameOriginApi()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        var config = await client.GetFromJsonAsync<JsonObject>("/aws-config.json");

        // Assert
        Assert.Equal("local", config!["authMode"]!.GetValue<string>());
        Assert.Equal("/api", config["apiUrl"]!.GetValue<string>());
        Assert.Equal("us-east-1", config["region"]!.GetValue<string>());
        Assert.Equal("", config["userPoolId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/recovery-plans")]
    [InlineData("/executions/exec-123")]
    public async Task Console_PageRoute_ServesTheSpaShell(string path)
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        using var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("console shell", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_Asset_IsServedAndMissingAssetIs404()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        using var asset = await client.GetAsync("/assets/app-abc123.js");
        using var missing = await client.GetAsync("/assets/missing-000.js");

        // Assert
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task LocalAuthUsers_Get_OfferOnePresetPerRoleGroup()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        var users = await client.GetFromJsonAsync<JsonArray>("/local-auth/users");

        // Assert
        var groups = users!.SelectMany(u => u!["groups"]!.AsArray().Select(g => g!.GetValue<string>())).Order(StringComparer.Ordinal);
        Assert.Equal(RoleGroups.All.Order(StringComparer.Ordinal), groups);
        Assert.All(users!, u => Assert.EndsWith("@drs-local.example", u!["email"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_UnknownGroup_Returns400()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        using var response = await client.PostAsJsonAsync("/local-auth/sign-in", new { email = "x@drs-local.example", groups = new[] { "Root" } });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Profile_SignedInRawAndBearer_ReturnsTheCallersGroups()
    {
        // Arrange
        using var signedIn = await fixture.SignInAsync(RoleGroups.PlanManager);
        var token = signedIn.DefaultRequestHeaders.GetValues("Authorization").Single();
        using var bearer = fixture.Client();
        bearer.DefaultRequestHeaders.Authorization = LocalHostFixture.Bearer(token);

        // Act
        var raw = await ApiJson.DataAsync(await signedIn.GetAsync("/api/users/profile"), 200);
        var prefixed = await ApiJson.DataAsync(await bearer.GetAsync("/api/users/profile"), 200);

        // Assert
        Assert.Contains(RoleGroups.PlanManager, raw.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(raw.ToJsonString(), prefixed.ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA")]
    public async Task Api_WithoutValidToken_Returns401(string? token)
    {
        // Arrange
        using var client = fixture.Client(token);

        // Act
        using var response = await client.GetAsync("/api/recovery-plans");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RecoveryPlans_FirstStart_SeededThreeWavePlanIsListed()
    {
        // Arrange
        using var client = await fixture.SignInAsync(RoleGroups.ReadOnly);

        // Act
        var page = await ApiJson.DataAsync(await client.GetAsync("/api/recovery-plans"), 200);

        // Assert
        var plan = page["items"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == SampleDataSeeder.PlanName)!;
        Assert.Equal(["Database", "Application", "Web"], plan["waves"]!.AsArray().Select(w => w!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Seed_SecondRun_CreatesNothing()
    {
        // Arrange
        using var dynamo = fixture.Host.Store.CreateClient("us-east-1");
        var persistence = DynamoDbPersistenceOptions.Default(LocalHost.Tables);
        var seeder = new SampleDataSeeder(
            new DynamoDbTargetAccountRepository(dynamo, persistence),
            new DynamoDbProtectionGroupRepository(dynamo, persistence, TimeProvider.System),
            new DynamoDbRecoveryPlanRepository(dynamo, persistence, TimeProvider.System),
            TimeProvider.System);

        // Act
        var result = await seeder.SeedAsync(ScenarioLoader.LoadSample(ScenarioLoader.ThreeTierSample), CancellationToken.None);

        // Assert
        Assert.Empty(result.Created);
    }

    [Fact]
    public async Task ExecutePlan_ReadOnlyUser_Returns403AndStartsNothing()
    {
        // Arrange
        using var reader = await fixture.SignInAsync(RoleGroups.ReadOnly);
        var planId = await SeededPlanIdAsync(reader);

        // Act
        using var response = await reader.PostAsJsonAsync($"/api/recovery-plans/{planId}/execute", new { type = "DRILL" });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("FORBIDDEN", await ApiJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task SeededDrill_StartedThroughApi_CompletesAndInstancesTerminate()
    {
        // Arrange
        using var operatorClient = await fixture.SignInAsync(RoleGroups.Operator);
        using var manager = await fixture.SignInAsync(RoleGroups.RecoveryManager);
        var planId = await SeededPlanIdAsync(operatorClient);

        // Act
        var started = await ApiJson.DataAsync(await operatorClient.PostAsJsonAsync($"/api/recovery-plans/{planId}/execute", new { type = "DRILL" }), 202);
        var executionId = started["executionId"]!.GetValue<string>();
        var finished = await WaitForStatusAsync(operatorClient, executionId, "COMPLETED", "FAILED", "PARTIAL", "CANCELLED");
        var termination = await ApiJson.DataAsync(await manager.PostAsJsonAsync($"/api/executions/{executionId}/terminate-instances", new { }), 202);

        // Assert
        Assert.Equal("COMPLETED", finished["status"]!.GetValue<string>());
        Assert.All(finished["waves"]!.AsArray(), w => Assert.Equal("COMPLETED", w!["status"]!.GetValue<string>()));
        Assert.Equal(executionId, termination["executionId"]!.GetValue<string>());
        Assert.Contains(fixture.Host.Simulator.Calls, c => c.Operation == "TerminateRecoveryInstances");
        Assert.DoesNotContain(fixture.Host.Simulator.Calls, c => c.Operation == "StartRecovery" && (c.AccessKeyId ?? "").StartsWith("AKIASIM", StringComparison.Ordinal));
    }

    private static async Task<string> SeededPlanIdAsync(HttpClient client)
    {
        var page = await ApiJson.DataAsync(await client.GetAsync("/api/recovery-plans"), 200);
        return page["items"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == SampleDataSeeder.PlanName)!["planId"]!.GetValue<string>();
    }

    private static async Task<JsonNode> WaitForStatusAsync(HttpClient client, string executionId, params string[] terminal)
    {
        // Real-time bound only so a hung run fails instead of blocking CI; at 600x a drill takes a few seconds.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var execution = await ApiJson.DataAsync(await client.GetAsync($"/api/executions/{executionId}"), 200);
            if (terminal.Contains(execution["status"]!.GetValue<string>()))
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution still {execution["status"]} after 3 minutes: {execution.ToJsonString()}");
            await Task.Delay(250);
        }
    }
}
