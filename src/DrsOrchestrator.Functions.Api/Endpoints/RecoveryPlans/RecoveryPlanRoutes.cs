using DrsOrchestrator.Application.RecoveryPlans;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.RecoveryPlans;

/// <remarks>POST /recovery-plans/{planId}/execute lives with the other execution control routes.</remarks>
internal sealed class RecoveryPlanRoutes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/recovery-plans", List, responseData: Json.RecoveryPlanPage);
        routes.Bind("POST", "/recovery-plans", Create, Json.CreateRecoveryPlanRequest, Json.RecoveryPlanView);
        routes.Bind("GET", "/recovery-plans/{planId}", Get, responseData: Json.RecoveryPlanView);
        routes.Bind("PUT", "/recovery-plans/{planId}", Update, Json.UpdateRecoveryPlanRequest, Json.RecoveryPlanView);
        routes.Bind("DELETE", "/recovery-plans/{planId}", Delete);
        routes.Bind("GET", "/recovery-plans/{planId}/check-existing-instances", ExistingInstances, responseData: Json.ExistingInstancesReport);
        routes.Bind("GET", "/recovery-plans/{planId}/readiness", Readiness, responseData: Json.ReadinessReport);
    }

    private static async Task<HandlerResult> List(RouteContext context)
    {
        var name = context.Query("name", 128);
        var page = await context.Service<RecoveryPlanService>().ListAsync(
            new RecoveryPlanFilter(name), new PageRequest(context.Limit(), context.NextToken()), context.CancellationToken).ConfigureAwait(false);
        var items = page.Items.Select(RecoveryPlanMapper.ToView).ToArray();
        return HandlerResult.Ok(new RecoveryPlanPage(items, page.NextToken), Json.RecoveryPlanPage);
    }

    private static async Task<HandlerResult> Get(RouteContext context)
    {
        var plan = await context.Service<RecoveryPlanService>().GetAsync(context.Id("planId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(RecoveryPlanMapper.ToView(plan), Json.RecoveryPlanView);
    }

    private static async Task<HandlerResult> Create(RouteContext context)
    {
        var body = context.Body(Json.CreateRecoveryPlanRequest);
        var draft = RecoveryPlanMapper.ToDraft(body.Name, body.Description, body.Waves, body.RtoTargetMinutes, body.RpoTargetMinutes);
        var plan = await context.Service<RecoveryPlanService>().CreateAsync(draft, context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Created(RecoveryPlanMapper.ToView(plan), Json.RecoveryPlanView);
    }

    private static async Task<HandlerResult> Update(RouteContext context)
    {
        var planId = context.Id("planId");
        var body = context.Body(Json.UpdateRecoveryPlanRequest);
        var draft = RecoveryPlanMapper.ToDraft(body.Name, body.Description, body.Waves, body.RtoTargetMinutes, body.RpoTargetMinutes);
        var plan = await context.Service<RecoveryPlanService>().UpdateAsync(planId, body.Version, draft, context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(RecoveryPlanMapper.ToView(plan), Json.RecoveryPlanView);
    }

    private static async Task<HandlerResult> Delete(RouteContext context)
    {
        await context.Service<RecoveryPlanService>().DeleteAsync(context.Id("planId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.NoContent();
    }

    private static async Task<HandlerResult> ExistingInstances(RouteContext context)
    {
        var report = await context.Service<PlanReadinessService>().ExistingInstancesAsync(context.Id("planId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(report, Json.ExistingInstancesReport);
    }

    private static async Task<HandlerResult> Readiness(RouteContext context)
    {
        var report = await context.Service<PlanReadinessService>().CheckAsync(context.Id("planId"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(report, Json.ReadinessReport);
    }
}
