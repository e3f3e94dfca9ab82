using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ProtectionGroupEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private static readonly TestCaller PlanManager = TestCaller.InGroup(RoleGroups.PlanManager);

    [Fact]
    public async Task Create_ValidGroup_Returns201AndIsReadableAndListed()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");
        var body = new ProtectionGroupJson();

        // Act
        var created = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", body.Create()).As(PlanManager)), 201);
        var id = created.GetProperty("groupId").GetString()!;
        var fetched = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/protection-groups/" + id).As(TestCaller.InGroup(RoleGroups.ReadOnly))));
        var listed = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/protection-groups?limit=100").As(PlanManager)));

        // Assert
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal("drsplanmanager@example.test", created.GetProperty("createdBy").GetString());
        Assert.Equal("SOURCE_SERVER_IDS", fetched.GetProperty("selection").GetProperty("mode").GetString());
        Assert.Equal("STARTED", fetched.GetProperty("launchSettings").GetProperty("launchDisposition").GetString());
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), g => g.GetProperty("groupId").GetString() == id);
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409PgNameExists()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");
        var name = "dup-" + Guid.NewGuid().ToString("N")[..8];
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().Named(name).Create()).As(PlanManager)), 201);

        var response = await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().Named(name.ToUpperInvariant()).Create()).As(PlanManager));

        ResponseAssert.Error(response, 409, "PG_NAME_EXISTS");
    }

    [Fact]
    public async Task Create_ServerAlreadyInAnotherGroup_Returns409ServerConflict()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");
        var shared = ProtectionGroupJson.NewServerId();
        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().WithServers(shared).Create()).As(PlanManager)), 201);

        var response = await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().WithServers(ProtectionGroupJson.NewServerId(), shared).Create()).As(PlanManager));

        ResponseAssert.Error(response, 409, "SERVER_CONFLICT");
    }

    [Fact]
    public async Task Create_InvalidServerId_Returns422WithEveryProblemAndWritesNothing()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg-invalid");
        var before = await host.SnapshotAsync();

        var response = await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().WithServers("i-not-a-server").Create()).As(PlanManager));

        var error = ResponseAssert.Error(response, 422, "INVALID_SERVER_SELECTION");
        Assert.Equal("selection.sourceServerIds[0]", error.GetProperty("details").GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before, await host.SnapshotAsync());
    }

    [Fact]
    public async Task Update_CurrentVersion_ReplacesAndBumpsVersion_StaleVersion_Returns409()
    {
        // Arrange
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");
        var body = new ProtectionGroupJson();
        var id = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", body.Create()).As(PlanManager)), 201).GetProperty("groupId").GetString();

        // Act
        var updated = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put("/protection-groups/" + id, body.Update(1)).As(PlanManager)));
        var stale = await host.SendAsync(ApiRequestBuilder.Put("/protection-groups/" + id, body.Update(1)).As(PlanManager));

        // Assert
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("web tier v2", updated.GetProperty("description").GetString());
        ResponseAssert.Error(stale, 409, "VERSION_CONFLICT");
    }

    [Fact]
    public async Task PutLaunchConfiguration_OverrideForMember_IsStoredAndReturned()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");
        var server = ProtectionGroupJson.NewServerId();
        var id = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().WithServers(server).Create()).As(PlanManager)), 201).GetProperty("groupId").GetString();
        var put = "{\"version\":1,\"launchSettings\":{\"instanceType\":\"c5.xlarge\",\"rightSizing\":\"NONE\"},\"serverOverrides\":{\"" + server + "\":{\"instanceType\":\"r5.2xlarge\"}}}";

        ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put($"/protection-groups/{id}/launch-configuration", put).As(PlanManager)));
        var read = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/protection-groups/{id}/launch-configuration").As(PlanManager)));

        Assert.Equal("c5.xlarge", read.GetProperty("launchSettings").GetProperty("instanceType").GetString());
        Assert.Equal("NONE", read.GetProperty("launchSettings").GetProperty("rightSizing").GetString());
        Assert.Equal("r5.2xlarge", read.GetProperty("serverOverrides").GetProperty(server).GetProperty("instanceType").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Get_Missing_Returns404PgNotFound()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");

        var response = await host.SendAsync(ApiRequestBuilder.Get("/protection-groups/pg-missing").As(PlanManager));

        ResponseAssert.Error(response, 404, "PG_NOT_FOUND");
    }

    [Fact]
    public async Task List_PagesWithOpaqueToken_UntilExhausted()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg-pages");
        for (var i = 0; i < 5; i++)
        {
            ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().Create()).As(PlanManager)), 201);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var request = ApiRequestBuilder.Get("/protection-groups?limit=2").As(PlanManager);
            if (token is not null)
            {
                request.WithQuery("nextToken", token);
            }

            var page = ResponseAssert.Success(await host.SendAsync(request));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("groupId").GetString()!));
            token = page.GetProperty("nextToken").GetString();
        }
        while (token is not null);

        Assert.Equal(5, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_NameFilterWithSmallLimit_ReturnsFullPagesOfEveryMatch()
    {
        // Arrange: matches interleaved with non-matches, so a page of raw items would hold fewer matches.
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg-filter-pages");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            expected.Add($"needle-{marker}-{i}");
            ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().Named(expected[^1]).Create()).As(PlanManager)), 201);
            ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", new ProtectionGroupJson().Named($"hay-{marker}-{i}").Create()).As(PlanManager)), 201);
        }

        // Act
        var pages = new List<string[]>();
        string? token = null;
        do
        {
            var request = ApiRequestBuilder.Get("/protection-groups?limit=2&name=NEEDLE-" + marker).As(PlanManager);
            if (token is not null)
            {
                request.WithQuery("nextToken", token);
            }

            var page = ResponseAssert.Success(await host.SendAsync(request));
            pages.Add([.. page.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("name").GetString()!)]);
            token = page.GetProperty("nextToken").GetString();
        }
        while (token is not null && pages.Count < 50);

        // Assert
        Assert.Equal([2, 2, 1], pages.Select(p => p.Length));
        Assert.Equal(expected.Order(), pages.SelectMany(p => p).Order());
    }

    [Fact]
    public async Task List_ForgedToken_Returns400()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "pg");

        var response = await host.SendAsync(ApiRequestBuilder.Get("/protection-groups?nextToken=not-a-token").As(PlanManager));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("INVALID_PAGINATION_TOKEN", ResponseAssert.ErrorCode(response));
    }
}
