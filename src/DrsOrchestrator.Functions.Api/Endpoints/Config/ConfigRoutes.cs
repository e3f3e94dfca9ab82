using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.Config;

internal sealed class ConfigRoutes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/config/settings", GetSettings, responseData: Json.SettingsView);
        routes.Bind("PUT", "/config/settings", PutSettings, Json.PutSettingsRequest, Json.SettingsView);
        routes.Bind("GET", "/config/regions", Regions, responseData: Json.RegionsView);
        routes.Bind("GET", "/config/health", Health, responseData: Json.ConfigHealthView);
        routes.Bind("GET", "/config/export", Export, responseData: Json.ConfigurationExport);
        routes.Bind("POST", "/config/import", Import, Json.ConfigurationExport, Json.ImportResult);
        routes.Bind("GET", "/config/tag-sync", GetTagSync, responseData: Json.TagSyncView);
        routes.Bind("PUT", "/config/tag-sync", PutTagSync, Json.PutTagSyncRequest, Json.TagSyncView);
        routes.Bind("POST", "/config/tag-sync/run", RunTagSync, responseData: Json.TagSyncRun);
    }

    private static async Task<HandlerResult> GetSettings(RouteContext context)
    {
        var current = await context.Service<SettingsService>().GetSettingsAsync(context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new SettingsView(ConfigMapper.ToDto(current.Value), current.Version, current.UpdatedBy, current.UpdatedAt), Json.SettingsView);
    }

    private static async Task<HandlerResult> PutSettings(RouteContext context)
    {
        var body = context.Body(Json.PutSettingsRequest);
        var saved = await context.Service<SettingsService>().PutSettingsAsync(ConfigMapper.ToSettings(body.Settings), body.Version, context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new SettingsView(ConfigMapper.ToDto(saved.Value), saved.Version, saved.UpdatedBy, saved.UpdatedAt), Json.SettingsView);
    }

    private static Task<HandlerResult> Regions(RouteContext context) =>
        Task.FromResult(HandlerResult.Ok(new RegionsView(DrsRegions.All), Json.RegionsView));

    private static async Task<HandlerResult> Health(RouteContext context)
    {
        var checks = await context.Service<ConfigHealthService>().CheckAsync(context.CancellationToken).ConfigureAwait(false);
        var status = checks.Any(c => c.Status == "FAILED") ? "FAILED" : checks.Any(c => c.Status == "DEGRADED") ? "DEGRADED" : "OK";
        return HandlerResult.Ok(new ConfigHealthView(status, checks), Json.ConfigHealthView);
    }

    private static async Task<HandlerResult> Export(RouteContext context)
    {
        var snapshot = await context.Service<ConfigurationTransfer>().ExportAsync(context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(ConfigMapper.ToExport(snapshot), Json.ConfigurationExport);
    }

    private static async Task<HandlerResult> Import(RouteContext context)
    {
        var dryRun = context.QueryBool("dryRun") ?? false;
        var body = context.Body(Json.ConfigurationExport);
        if (body.FormatVersion != ConfigurationExport.CurrentFormatVersion)
        {
            throw DomainException.BadRequest(ErrorCodes.ImportInvalid, $"formatVersion {body.FormatVersion} is not supported (expected {ConfigurationExport.CurrentFormatVersion}).", new Dictionary<string, object?> { ["field"] = "$.formatVersion" });
        }

        var result = await context.Service<ConfigurationTransfer>().ImportAsync(ConfigMapper.ToSnapshot(body), dryRun, context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(result, Json.ImportResult);
    }

    private static async Task<HandlerResult> GetTagSync(RouteContext context)
    {
        var status = await context.Service<TagSyncService>().GetStatusAsync(context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(TagSyncView.From(status), Json.TagSyncView);
    }

    private static async Task<HandlerResult> PutTagSync(RouteContext context)
    {
        var body = context.Body(Json.PutTagSyncRequest);
        var saved = await context.Service<SettingsService>().PutTagSyncAsync(ConfigMapper.ToTagSync(body.Settings), body.Version, context.Actor, context.CancellationToken).ConfigureAwait(false);
        var status = await context.Service<TagSyncService>().GetStatusAsync(context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(TagSyncView.From(status with { Settings = saved }), Json.TagSyncView);
    }

    private static async Task<HandlerResult> RunTagSync(RouteContext context)
    {
        var run = await context.Service<TagSyncService>().RunAsync(context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(run, Json.TagSyncRun);
    }
}
