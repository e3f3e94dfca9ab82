using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Simulator.Model;

namespace DrsOrchestrator.Api.Tests.Support;

/// <summary>Test data on the simulator's sample fleet, created through the API itself.</summary>
internal static class Fleet
{
    public static TestCaller Admin { get; } = TestCaller.InGroup(RoleGroups.Admin);

    public static IReadOnlyList<SimSourceServer> Servers(ApiTestHost host, string accountId, string region, string? application = null, string? tier = null) =>
        [.. host.Simulator.Simulator.SourceServersOf(accountId, region)
            .Where(s => !s.IsArchived)
            .Where(s => application is null || s.Tags.GetValueOrDefault("Application") == application)
            .Where(s => tier is null || s.Tags.GetValueOrDefault("Tier") == tier)
            .OrderBy(s => s.Hostname, StringComparer.Ordinal)];

    public static string AccountJson(string accountId, string? externalId = null, string name = "spoke") =>
        $$"""{"accountId":"{{accountId}}","name":"{{name}}","roleArn":"{{ApiTestHost.RoleArnOf(accountId)}}","externalId":"{{externalId ?? ApiTestHost.ExternalIdOf(accountId)}}","regions":["us-east-1","us-west-2"]}""";

    /// <summary>Registers a sample account with its real external id; an account the host already has is fine.</summary>
    public static async Task RegisterAsync(ApiTestHost host, string accountId)
    {
        var response = await host.SendAsync(ApiRequestBuilder.Post("/accounts", AccountJson(accountId)).As(Admin));
        Assert.True(response.StatusCode is 201 or 409, response.Body);
    }

    public static async Task<string> CreateGroupAsync(ApiTestHost host, string accountId, string region, IEnumerable<string> serverIds, string? launchSettings = null)
    {
        var ids = string.Join(',', serverIds.Select(s => "\"" + s + "\""));
        var name = "pg-" + Guid.NewGuid().ToString("N")[..10];
        var body = $$"""{"name":"{{name}}","accountId":"{{accountId}}","region":"{{region}}","selection":{"mode":"SOURCE_SERVER_IDS","sourceServerIds":[{{ids}}]},"launchSettings":{{launchSettings ?? "{}"}}}""";
        var data = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", body).As(Admin)), 201);
        return data.GetProperty("groupId").GetString()!;
    }

    public static async Task<string> CreateTagGroupAsync(ApiTestHost host, string accountId, string region, string key, string value)
    {
        var name = "pg-" + Guid.NewGuid().ToString("N")[..10];
        var body = $$$"""{"name":"{{{name}}}","accountId":"{{{accountId}}}","region":"{{{region}}}","selection":{"mode":"TAGS","tagCriteria":[{"key":"{{{key}}}","value":"{{{value}}}"}]}}""";
        var data = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/protection-groups", body).As(Admin)), 201);
        return data.GetProperty("groupId").GetString()!;
    }

    /// <summary>One wave per group, in order.</summary>
    public static string PlanJson(string name, string extra, params string[] groupIds) =>
        $$"""{"name":"{{name}}","description":"test plan"{{extra}},"waves":[{{string.Join(',', groupIds.Select((g, i) => $$"""{"name":"wave-{{i + 1}}","protectionGroupIds":["{{g}}"]}"""))}}]}""";

    public static async Task<string> CreatePlanAsync(ApiTestHost host, params string[] groupIds) =>
        await CreatePlanWithAsync(host, "", groupIds);

    /// <param name="extra">More plan members, e.g. <c>,"rtoTargetMinutes":60</c>.</param>
    public static async Task<string> CreatePlanWithAsync(ApiTestHost host, string extra, params string[] groupIds)
    {
        var body = PlanJson("plan-" + Guid.NewGuid().ToString("N")[..10], extra, groupIds);
        var data = ResponseAssert.Success(await host.SendAsync(ApiRequestBuilder.Post("/recovery-plans", body).As(Admin)), 201);
        return data.GetProperty("planId").GetString()!;
    }
}
