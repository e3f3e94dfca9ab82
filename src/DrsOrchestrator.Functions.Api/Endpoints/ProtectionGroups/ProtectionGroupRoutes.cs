using DrsOrchestrator.Application.ProtectionGroups;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Domain.ProtectionGroups;
using DrsOrchestrator.Functions.Api.Endpoints.Drs;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.ProtectionGroups;

internal sealed class ProtectionGroupRoutes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/protection-groups", List, responseData: Json.ProtectionGroupPage);
        routes.Bind("POST", "/protection-groups", Create, Json.CreateProtectionGroupRequest, Json.ProtectionGroupView);
        routes.Bind("GET", "/protection-groups/{groupId}", Get, responseData: Json.ProtectionGroupView);
        routes.Bind("PUT", "/protection-groups/{groupId}", Update, Json.UpdateProtectionGroupRequest, Json.ProtectionGroupView);
        routes.Bind("GET", "/protection-groups/{groupId}/launch-configuration", GetLaunchConfiguration, responseData: Json.GroupLaunchConfigurationView);
        routes.Bind("PUT", "/protection-groups/{groupId}/launch-configuration", PutLaunchConfiguration, Json.PutGroupLaunchConfigurationRequest, Json.GroupLaunchConfigurationView);
        routes.Bind("DELETE", "/protection-groups/{groupId}", Delete);
        routes.Bind("POST", "/protection-groups/resolve", Resolve, Json.ResolveTagsRequest, Json.ResolveTagsResponse);
        routes.Bind("POST", "/protection-groups/{groupId}/apply-launch-configuration", ApplyLaunchConfiguration, responseData: Json.LaunchApplyResult);
    }

    private static async Task<HandlerResult> List(RouteContext context)
    {
        var service = context.Service<ProtectionGroupService>();
        var accountId = context.OptionalAccountIdQuery();
        var region = context.OptionalRegionQuery();
        var name = context.Query("name", 128);
        var page = await service.ListAsync(
            new ProtectionGroupFilter(accountId, region, name), new PageRequest(context.Limit(), context.NextToken()), context.CancellationToken).ConfigureAwait(false);
        var items = page.Items.Select(ProtectionGroupMapper.ToView).ToArray();
        return HandlerResult.Ok(new ProtectionGroupPage(items, page.NextToken), Json.ProtectionGroupPage);
    }

    private static async Task<HandlerResult> Get(RouteContext context)
    {
        var group = await context.Service<ProtectionGroupService>().GetAsync(context.Id("groupId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(ProtectionGroupMapper.ToView(group), Json.ProtectionGroupView);
    }

    private static async Task<HandlerResult> Create(RouteContext context)
    {
        var body = context.Body(Json.CreateProtectionGroupRequest);
        var draft = ProtectionGroupMapper.ToDraft(body.Name, body.Description, body.AccountId, body.Region, body.Selection, body.LaunchSettings, body.ServerOverrides);
        var group = await context.Service<ProtectionGroupService>().CreateAsync(draft, context.Caller.DisplayName, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Created(ProtectionGroupMapper.ToView(group), Json.ProtectionGroupView);
    }

    private static async Task<HandlerResult> Update(RouteContext context)
    {
        var groupId = context.Id("groupId");
        var body = context.Body(Json.UpdateProtectionGroupRequest);
        var draft = ProtectionGroupMapper.ToDraft(body.Name, body.Description, body.AccountId, body.Region, body.Selection, body.LaunchSettings, body.ServerOverrides);
        var group = await context.Service<ProtectionGroupService>().UpdateAsync(groupId, body.Version, draft, context.Caller.DisplayName, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(ProtectionGroupMapper.ToView(group), Json.ProtectionGroupView);
    }

    private static async Task<HandlerResult> GetLaunchConfiguration(RouteContext context)
    {
        var group = await context.Service<ProtectionGroupService>().GetAsync(context.Id("groupId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(LaunchView(group), Json.GroupLaunchConfigurationView);
    }

    private static async Task<HandlerResult> PutLaunchConfiguration(RouteContext context)
    {
        var groupId = context.Id("groupId");
        var body = context.Body(Json.PutGroupLaunchConfigurationRequest);
        var group = await context.Service<ProtectionGroupService>().PutLaunchConfigurationAsync(
            groupId,
            body.Version,
            ProtectionGroupMapper.ToSettings(body.LaunchSettings, "$.launchSettings"),
            ProtectionGroupMapper.ToOverrides(body.ServerOverrides),
            context.Caller.DisplayName,
            context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(LaunchView(group), Json.GroupLaunchConfigurationView);
    }

    private static async Task<HandlerResult> Delete(RouteContext context)
    {
        await context.Service<ProtectionGroupService>().DeleteAsync(context.Id("groupId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.NoContent();
    }

    private static async Task<HandlerResult> Resolve(RouteContext context)
    {
        var body = context.Body(Json.ResolveTagsRequest);
        var location = new AccountRegion(RouteContext.AccountId(body.AccountId, "$.accountId"), RouteContext.Region(body.Region, "$.region"));
        var criteria = body.TagCriteria.Select(t => new TagCriterion(t.Key, t.Value)).ToArray();
        var resolution = await context.Service<ProtectionGroupService>().ResolveTagsAsync(location, criteria, context.CancellationToken).ConfigureAwait(false);
        var matches = resolution.Matches.Select(m => SourceServerView.From(m.Server, m.OwningGroupId)).ToArray();
        return HandlerResult.Ok(new ResolveTagsResponse(resolution.AccountId, resolution.Region, resolution.ScannedServers, matches), Json.ResolveTagsResponse);
    }

    private static async Task<HandlerResult> ApplyLaunchConfiguration(RouteContext context)
    {
        var result = await context.Service<ProtectionGroupService>().ApplyLaunchConfigurationAsync(context.Id("groupId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(result, Json.LaunchApplyResult);
    }

    private static GroupLaunchConfigurationView LaunchView(Domain.ProtectionGroups.ProtectionGroup group) =>
        new(group.GroupId, ProtectionGroupMapper.ToDto(group.LaunchSettings), ProtectionGroupMapper.ToDtos(group.ServerOverrides), group.Version);
}
