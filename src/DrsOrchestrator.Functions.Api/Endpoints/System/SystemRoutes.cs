using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.OpenApi;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.System;

internal sealed class SystemRoutes : IRouteModule
{
    private static readonly string Version = typeof(SystemRoutes).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/health", Health, responseData: ApiJsonContext.Default.HealthResponse);
        routes.Bind("GET", "/openapi.json", OpenApi);
        routes.Bind("GET", "/users/profile", Profile, responseData: ApiJsonContext.Default.UserProfile);
    }

    private static Task<HandlerResult> Health(RouteContext context)
    {
        var now = context.Service<TimeProvider>().GetUtcNow();
        return Task.FromResult(HandlerResult.Ok(new HealthResponse("ok", Version, now), ApiJsonContext.Default.HealthResponse));
    }

    private static Task<HandlerResult> OpenApi(RouteContext context) =>
        Task.FromResult(HandlerResult.Raw(OpenApiDocument.For(context.Routes)));

    private static Task<HandlerResult> Profile(RouteContext context)
    {
        var caller = context.Caller;
        var permissions = caller.Permissions.Order().Select(RolePermissions.WireName).ToArray();
        var profile = new UserProfile(caller.Sub, caller.Email, caller.Groups, permissions);
        return Task.FromResult(HandlerResult.Ok(profile, ApiJsonContext.Default.UserProfile));
    }
}
