using DrsOrchestrator.Application.Accounts;
using DrsOrchestrator.Application.Inventory;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Drs;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.Drs;

/// <summary>DRS inventory per account and region; every call runs with the account's assumed role.</summary>
internal sealed class DrsRoutes : IRouteModule
{
    private const int MaxFilterTags = 10;
    private static readonly string[] LaunchDispositions = ["STOPPED", "STARTED"];
    private static readonly string[] RightSizingMethods = ["NONE", "BASIC", "IN_AWS"];

    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/drs/source-servers", List, responseData: Json.SourceServerListView);
        routes.Bind("GET", "/drs/source-servers/{id}", Get, responseData: Json.SourceServerView);
        routes.Bind("GET", "/drs/source-servers/{id}/launch-configuration", GetLaunchConfiguration, responseData: Json.DrsLaunchConfiguration);
        routes.Bind("PUT", "/drs/source-servers/{id}/launch-configuration", PutLaunchConfiguration, Json.PutLaunchConfigurationRequest, Json.DrsLaunchConfiguration);
        routes.Bind("GET", "/drs/source-servers/{id}/tags", GetTags, responseData: Json.TagsView);
        routes.Bind("PUT", "/drs/source-servers/{id}/tags", PutTags, Json.PutTagsRequest, Json.TagsView);
        routes.Bind("GET", "/drs/quotas", Quotas, responseData: Json.QuotaReport);
        routes.Bind("GET", "/drs/capacity", Capacity, responseData: Json.CapacityView);
        routes.Bind("GET", "/drs/capacity/regional", RegionalCapacity, responseData: Json.CapacityView);
        routes.Bind("GET", "/drs/accounts", Accounts, responseData: Json.DrsAccountsView);
        routes.Bind("GET", "/drs/jobs/{jobId}/logs", JobLogs, responseData: Json.DrsJobLogsView);
    }

    private static async Task<HandlerResult> List(RouteContext context)
    {
        var location = context.Location();
        var filter = new SourceServerFilter(
            context.Query("search", 128),
            context.Query("replicationState", 32),
            ParseTags(context.Query("tag", 2048)),
            context.QueryBool("unassigned"));
        var page = await context.Service<DrsInventoryService>()
            .ListSourceServersAsync(location, filter, context.Limit(), context.NextToken(), context.CancellationToken).ConfigureAwait(false);
        var view = new SourceServerListView(location.AccountId, location.Region, [.. page.Items.Select(SourceServerView.From)], page.Total, page.NextToken);
        return HandlerResult.Ok(view, Json.SourceServerListView);
    }

    private static async Task<HandlerResult> Get(RouteContext context)
    {
        var id = context.Id("id");
        var entry = await context.Service<DrsInventoryService>().GetSourceServerAsync(context.Location(), id, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(SourceServerView.From(entry), Json.SourceServerView);
    }

    private static async Task<HandlerResult> GetLaunchConfiguration(RouteContext context)
    {
        var id = context.Id("id");
        var configuration = await context.Service<DrsInventoryService>().GetLaunchConfigurationAsync(context.Location(), id, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(configuration, Json.DrsLaunchConfiguration);
    }

    private static async Task<HandlerResult> PutLaunchConfiguration(RouteContext context)
    {
        var id = context.Id("id");
        var location = context.Location();
        var body = context.Body(Json.PutLaunchConfigurationRequest);
        var problems = new ValidationProblems();
        if (body.LaunchDisposition is { } d && !LaunchDispositions.Contains(d, StringComparer.Ordinal))
        {
            problems.Add("launchDisposition", ErrorCodes.InvalidField, "launchDisposition must be STOPPED or STARTED.");
        }

        if (body.TargetInstanceTypeRightSizingMethod is { } r && !RightSizingMethods.Contains(r, StringComparer.Ordinal))
        {
            problems.Add("targetInstanceTypeRightSizingMethod", ErrorCodes.InvalidField, "targetInstanceTypeRightSizingMethod must be NONE, BASIC or IN_AWS.");
        }

        if (body.Name is { Length: 0 or > 128 })
        {
            problems.Add("name", ErrorCodes.InvalidField, "name is 1 to 128 characters.");
        }

        var update = new DrsLaunchConfigurationUpdate(
            id, body.Name, body.CopyPrivateIp, body.CopyTags, body.LaunchDisposition, body.TargetInstanceTypeRightSizingMethod, body.OsByol, body.PostLaunchEnabled);
        if (update == new DrsLaunchConfigurationUpdate(id))
        {
            problems.Add("$", ErrorCodes.MissingField, "Set at least one launch configuration member.");
        }

        problems.ThrowIfAny("Launch configuration");
        var configuration = await context.Service<DrsInventoryService>().UpdateLaunchConfigurationAsync(location, update, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(configuration, Json.DrsLaunchConfiguration);
    }

    private static async Task<HandlerResult> GetTags(RouteContext context)
    {
        var id = context.Id("id");
        var tags = await context.Service<DrsInventoryService>().GetTagsAsync(context.Location(), id, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new TagsView(id, tags), Json.TagsView);
    }

    private static async Task<HandlerResult> PutTags(RouteContext context)
    {
        var id = context.Id("id");
        var location = context.Location();
        var body = context.Body(Json.PutTagsRequest);
        var change = new TagChange(body.Set ?? new Dictionary<string, string>(), body.Remove ?? []);
        var tags = await context.Service<DrsInventoryService>().ChangeTagsAsync(location, id, change, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new TagsView(id, tags), Json.TagsView);
    }

    private static async Task<HandlerResult> Quotas(RouteContext context)
    {
        var location = context.Location();
        if (location.AccountId != context.Service<Hosting.ApiSettings>().HubAccountId)
        {
            // Usage readings turn failures into UNKNOWN figures; an account nobody registered is a 404, not an unknown.
            await context.Service<TargetAccountService>().GetAsync(location.AccountId, context.CancellationToken).ConfigureAwait(false);
        }

        var report = await context.Service<DrsInventoryService>().GetQuotasAsync(location, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(report, Json.QuotaReport);
    }

    private static async Task<HandlerResult> Capacity(RouteContext context)
    {
        var accounts = await context.Service<TargetAccountService>().AllAsync(context.CancellationToken).ConfigureAwait(false);
        var locations = accounts.SelectMany(a => a.Regions.Select(r => new AccountRegion(a.AccountId, r)));
        return await CapacityOf(context, locations).ConfigureAwait(false);
    }

    private static async Task<HandlerResult> RegionalCapacity(RouteContext context)
    {
        var account = await context.Service<TargetAccountService>().GetAsync(context.AccountIdQuery(), context.CancellationToken).ConfigureAwait(false);
        return await CapacityOf(context, account.Regions.Select(r => new AccountRegion(account.AccountId, r))).ConfigureAwait(false);
    }

    private static async Task<HandlerResult> CapacityOf(RouteContext context, IEnumerable<AccountRegion> locations)
    {
        var reports = await context.Service<DrsInventoryService>().GetCapacityAsync(locations, context.CancellationToken).ConfigureAwait(false);
        var view = new CapacityView(reports, reports.Count(r => r.Error is not null), context.Service<TimeProvider>().GetUtcNow());
        return HandlerResult.Ok(view, Json.CapacityView);
    }

    private static async Task<HandlerResult> Accounts(RouteContext context)
    {
        var accounts = await context.Service<TargetAccountService>().AllAsync(context.CancellationToken).ConfigureAwait(false);
        var view = new DrsAccountsView([.. accounts.Select(a => new DrsAccountView(a.AccountId, a.Name, a.Regions, a.Validation))]);
        return HandlerResult.Ok(view, Json.DrsAccountsView);
    }

    private static async Task<HandlerResult> JobLogs(RouteContext context)
    {
        var jobId = context.Id("jobId");
        var location = context.Location();
        var items = await context.Service<DrsInventoryService>().GetJobLogsAsync(location, jobId, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new DrsJobLogsView(jobId, location.AccountId, location.Region, items), Json.DrsJobLogsView);
    }

    /// <summary>key=value pairs separated by commas; every pair must match.</summary>
    private static Dictionary<string, string> ParseTags(string? raw)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (raw is null)
        {
            return tags;
        }

        foreach (var pair in raw.Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !tags.TryAdd(pair[..eq], pair[(eq + 1)..]) || tags.Count > MaxFilterTags)
            {
                throw DomainException.BadRequest(ErrorCodes.InvalidField, $"Query parameter 'tag' must be up to {MaxFilterTags} distinct key=value pairs separated by commas.", new Dictionary<string, object?> { ["field"] = "tag" });
            }
        }

        return tags;
    }
}
