using DrsOrchestrator.Api.Tests.Support;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class DrsInventoryEndpointTests(DynamoDbLocalFixture dynamo, ApiSimulatorFixture simulator)
{
    private const string Region = "us-west-2";
    private static TestCaller Admin => Fleet.Admin;

    [Fact]
    public async Task ListSourceServers_SearchAndFilters_ReturnTheMatchingServersWithGroupMembership()
    {
        // Arrange
        var host = await HostAsync();
        var webs = Fleet.Servers(host, ApiTestHost.SpokeA, Region, "Inventory", "web");
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, Region, [webs[0].SourceServerId]);
        var scope = $"accountId={ApiTestHost.SpokeA}&region={Region}";

        // Act
        var search = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/drs/source-servers?{scope}&search=INVENTORY-WEB").As(Admin)));
        var tagged = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/drs/source-servers?{scope}&tag=Tier%3Ddb").As(Admin)));
        var unassignedWebs = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/drs/source-servers?{scope}&search=inventory-web&unassigned=true").As(Admin)));

        // Assert
        Assert.Equal(webs.Count, search.GetProperty("total").GetInt32());
        var member = search.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("sourceServerId").GetString() == webs[0].SourceServerId);
        Assert.Equal(group, member.GetProperty("protectionGroupId").GetString());
        Assert.Equal(Fleet.Servers(host, ApiTestHost.SpokeA, Region, "Inventory", "db").Count, tagged.GetProperty("total").GetInt32());
        Assert.Equal(webs.Count - 1, unassignedWebs.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListSourceServers_SmallPages_WalkEveryServerOnceWithNextToken()
    {
        // Arrange
        var host = await HostAsync();
        var expected = Fleet.Servers(host, ApiTestHost.SpokeA, Region).Select(s => s.SourceServerId).Order(StringComparer.Ordinal).ToArray();
        var seen = new List<string>();
        string? token = null;

        // Act
        do
        {
            var path = $"/drs/source-servers?accountId={ApiTestHost.SpokeA}&region={Region}&limit=3" + (token is null ? "" : "&nextToken=" + Uri.EscapeDataString(token));
            var page = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get(path).As(Admin)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("sourceServerId").GetString()!));
            token = page.GetProperty("nextToken").GetString();
        }
        while (token is not null);

        // Assert
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task SourceServerLaunchConfiguration_Put_ChangesDrsAndGetReadsItBack()
    {
        // Arrange
        var host = await HostAsync();
        var server = Fleet.Servers(host, ApiTestHost.SpokeA, Region, "Inventory", "web")[2].SourceServerId;
        var path = $"/drs/source-servers/{server}/launch-configuration?accountId={ApiTestHost.SpokeA}&region={Region}";

        // Act
        var put = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put(path, """{"launchDisposition":"STOPPED","copyTags":true,"targetInstanceTypeRightSizingMethod":"NONE"}""").As(Admin)));
        var get = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get(path).As(Admin)));
        var bad = await host.SendAsync(ApiRequestBuilder.Put(path, """{"launchDisposition":"SIDEWAYS"}""").As(Admin));

        // Assert
        Assert.Equal("STOPPED", put.GetProperty("launchDisposition").GetString());
        Assert.Equal("STOPPED", get.GetProperty("launchDisposition").GetString());
        Assert.True(get.GetProperty("copyTags").GetBoolean());
        Assert.Equal("NONE", get.GetProperty("targetInstanceTypeRightSizingMethod").GetString());
        ResponseAssert.Error(bad, 422, "INVALID_FIELD");
    }

    [Fact]
    public async Task SourceServerTags_SetAndRemove_AppliedInDrs()
    {
        // Arrange
        var host = await HostAsync();
        var server = Fleet.Servers(host, ApiTestHost.SpokeA, Region, "Inventory", "app")[0].SourceServerId;
        var path = $"/drs/source-servers/{server}/tags?accountId={ApiTestHost.SpokeA}&region={Region}";
        var marker = Guid.NewGuid().ToString("N")[..8];

        // Act
        var set = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put(path, $$$"""{"set":{"DrTest":"{{{marker}}}"}}""").As(Admin)));
        var removed = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Put(path, """{"remove":["DrTest"]}""").As(Admin)));
        var reserved = await host.SendAsync(ApiRequestBuilder.Put(path, """{"set":{"aws:owner":"x"}}""").As(Admin));

        // Assert
        Assert.Equal(marker, set.GetProperty("tags").GetProperty("DrTest").GetString());
        Assert.False(removed.GetProperty("tags").TryGetProperty("DrTest", out _));
        Assert.Equal("Inventory", removed.GetProperty("tags").GetProperty("Application").GetString());
        ResponseAssert.Error(reserved, 422, "INVALID_FIELD");
    }

    [Fact]
    public async Task GetSourceServer_UnknownId_Returns404SourceServerNotFound()
    {
        var host = await HostAsync();

        var response = await host.SendAsync(ApiRequestBuilder.Get($"/drs/source-servers/s-0000000000000000f?accountId={ApiTestHost.SpokeA}&region={Region}").As(Admin));

        ResponseAssert.Error(response, 404, "SOURCE_SERVER_NOT_FOUND");
    }

    [Fact]
    public async Task QuotasAndCapacity_RegisteredAccount_ReportUsageAgainstDrsLimits()
    {
        // Arrange
        var host = await HostAsync();

        // Act
        var quotas = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/drs/quotas?accountId={ApiTestHost.SpokeA}&region={Region}").As(Admin)));
        var capacity = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/drs/capacity").As(Admin)));
        var regional = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/drs/capacity/regional?accountId={ApiTestHost.SpokeA}").As(Admin)));
        var accounts = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get("/drs/accounts").As(Admin)));

        // Assert
        var lines = quotas.GetProperty("quotas").EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!, q => q);
        Assert.Equal(300, lines["replicatingServers"].GetProperty("limit").GetInt32());
        Assert.Equal(Fleet.Servers(host, ApiTestHost.SpokeA, Region).Count, lines["replicatingServers"].GetProperty("inUse").GetInt32());
        Assert.Equal("OK", lines["concurrentJobs"].GetProperty("status").GetString());
        Assert.Equal(4, capacity.GetProperty("locations").GetArrayLength());
        Assert.Equal(0, capacity.GetProperty("unreadable").GetInt32());
        Assert.Equal(2, regional.GetProperty("locations").GetArrayLength());
        Assert.Equal(2, accounts.GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public async Task GetQuotas_UnregisteredAccount_Returns404AccountNotFound()
    {
        var host = await HostAsync();

        var response = await host.SendAsync(ApiRequestBuilder.Get("/drs/quotas?accountId=999999999999&region=us-east-1").As(Admin));

        ResponseAssert.Error(response, 404, "ACCOUNT_NOT_FOUND");
    }

    [Fact]
    public async Task ResolveTags_Criteria_PreviewsMatchingServersFromDrs()
    {
        // Arrange
        var host = await HostAsync();
        var body = $$"""{"accountId":"{{ApiTestHost.SpokeA}}","region":"{{Region}}","tagCriteria":[{"key":"Application","value":"Inventory"},{"key":"Tier","value":"db"}]}""";

        // Act
        var result = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups/resolve", body).As(Admin)));

        // Assert
        var expected = Fleet.Servers(host, ApiTestHost.SpokeA, Region, "Inventory", "db").Select(s => s.SourceServerId).Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("sourceServerId").GetString()!));
        Assert.Equal(Fleet.Servers(host, ApiTestHost.SpokeA, Region).Count, result.GetProperty("scannedServers").GetInt32());
    }

    [Fact]
    public async Task ApplyLaunchConfiguration_GroupSettings_PushedToDrsForEveryMemberThenUnchanged()
    {
        // Arrange
        var host = await HostAsync();
        var dbs = Fleet.Servers(host, ApiTestHost.SpokeA, Region, "Inventory", "db").Select(s => s.SourceServerId).ToArray();
        var group = await Fleet.CreateGroupAsync(host, ApiTestHost.SpokeA, Region, dbs, """{"launchDisposition":"STOPPED","copyPrivateIp":true,"instanceType":"r5.large"}""");

        // Act
        var first = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{group}/apply-launch-configuration").As(Admin)));
        var second = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post($"/protection-groups/{group}/apply-launch-configuration").As(Admin)));
        var config = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Get($"/drs/source-servers/{dbs[0]}/launch-configuration?accountId={ApiTestHost.SpokeA}&region={Region}").As(Admin)));

        // Assert
        Assert.Equal(dbs.Length, first.GetProperty("updated").GetInt32());
        Assert.Equal(0, second.GetProperty("updated").GetInt32());
        Assert.Equal(dbs.Length, second.GetProperty("unchanged").GetInt32());
        Assert.Equal("r5.large", simulator.Simulator.LaunchTemplate(ApiTestHost.SpokeA, Region, Fleet.Servers(host, ApiTestHost.SpokeA, Region).Single(s => s.SourceServerId == dbs[0]).LaunchConfiguration.Ec2LaunchTemplateId)!.DefaultVersion.Data.InstanceType);
        Assert.Equal("NONE", config.GetProperty("targetInstanceTypeRightSizingMethod").GetString());
        Assert.Equal("STOPPED", config.GetProperty("launchDisposition").GetString());
        Assert.True(config.GetProperty("copyPrivateIp").GetBoolean());
    }

    private async Task<ApiTestHost> HostAsync()
    {
        var host = await SharedHosts.GetAsync(dynamo, simulator, "drs");
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeA);
        await Fleet.RegisterAsync(host, ApiTestHost.SpokeB);
        return host;
    }
}
