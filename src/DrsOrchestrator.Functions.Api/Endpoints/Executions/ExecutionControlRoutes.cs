using DrsOrchestrator.Application.Executions;
using DrsOrchestrator.Application.RecoveryPlans;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;
using StartCommand = DrsOrchestrator.Application.Executions.StartExecutionRequest;

namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

/// <summary>
/// Starting and steering runs. Starts, pauses, resumes, cancels and terminations answer 202: the write that
/// records the request has won, and the workflow carries it out afterwards.
/// </summary>
internal sealed class ExecutionControlRoutes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("POST", "/executions", Start, Json.StartExecutionRequest, Json.ExecutionView);
        routes.Bind("POST", "/recovery-plans/{planId}/execute", Execute, Json.ExecutePlanRequest, Json.ExecutionView);
        routes.Bind("POST", "/executions/{id}/pause", Pause, responseData: Json.ExecutionView);
        routes.Bind("POST", "/executions/{id}/resume", Resume, responseData: Json.ExecutionView);
        routes.Bind("POST", "/executions/{id}/cancel", Cancel, responseData: Json.ExecutionView);
        routes.Bind("POST", "/executions/{id}/terminate-instances", Terminate, Json.TerminateInstancesRequest, Json.TerminationStatusView);
        routes.Bind("GET", "/executions/{id}/termination-status", TerminationStatus, responseData: Json.TerminationStatusView);
    }

    private static Task<HandlerResult> Start(RouteContext context)
    {
        var body = context.Body(Json.StartExecutionRequest);
        return StartAsync(context, RouteContext.IdValue(body.PlanId, "$.planId"), body.Type, body.PauseBeforeFirstWave, body.InvocationSource);
    }

    private static Task<HandlerResult> Execute(RouteContext context)
    {
        var planId = context.Id("planId");
        var body = context.Body(Json.ExecutePlanRequest);
        return StartAsync(context, planId, body.Type, body.PauseBeforeFirstWave, body.InvocationSource);
    }

    private static async Task<HandlerResult> StartAsync(RouteContext context, string planId, string typeName, bool? pauseBeforeFirstWave, string? sourceName)
    {
        var type = WireEnum.Parse<ExecutionType>(typeName, "$.type");
        var source = sourceName is null ? InvocationSource.Api : WireEnum.Parse<InvocationSource>(sourceName, "$.invocationSource");
        if (source == InvocationSource.Schedule)
        {
            throw DomainException.BadRequest(ErrorCodes.InvalidField, "Scheduled runs are started by the scheduler, not through the API.", new Dictionary<string, object?> { ["field"] = "$.invocationSource" });
        }

        // The route admits drill-only callers; a RECOVERY needs drs:ExecuteRecovery.
        if (!context.Caller.CanExecute(type))
        {
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.DrillOnly, "Starting a RECOVERY needs drs:ExecuteRecovery; this caller may run drills only.");
        }

        var plan = await context.Service<RecoveryPlanService>().GetAsync(planId, context.CancellationToken).ConfigureAwait(false);
        var result = await context.Service<ExecutionCommands>()
            .StartAsync(new StartCommand(plan, type, context.Actor, source, pauseBeforeFirstWave ?? false), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Accepted(ExecutionView.From(result.Execution, result.Quota), Json.ExecutionView);
    }

    private static async Task<HandlerResult> Pause(RouteContext context)
    {
        var execution = await context.Service<ExecutionCommands>().PauseAsync(context.Id("id"), context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Accepted(ExecutionView.From(execution), Json.ExecutionView);
    }

    private static async Task<HandlerResult> Resume(RouteContext context)
    {
        var execution = await context.Service<ExecutionCommands>().ResumeAsync(context.Id("id"), context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Accepted(ExecutionView.From(execution), Json.ExecutionView);
    }

    private static async Task<HandlerResult> Cancel(RouteContext context)
    {
        var execution = await context.Service<ExecutionCommands>().CancelAsync(context.Id("id"), context.Actor, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Accepted(ExecutionView.From(execution), Json.ExecutionView);
    }

    private static async Task<HandlerResult> Terminate(RouteContext context)
    {
        var id = context.Id("id");
        var body = context.Body(Json.TerminateInstancesRequest);
        var commands = context.Service<ExecutionCommands>();
        await commands.TerminateInstancesAsync(id, context.Actor, body.ConfirmRecovery ?? false, context.CancellationToken).ConfigureAwait(false);
        var status = await commands.GetTerminationStatusAsync(id, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Accepted(status, Json.TerminationStatusView);
    }

    private static async Task<HandlerResult> TerminationStatus(RouteContext context)
    {
        var status = await context.Service<ExecutionCommands>().GetTerminationStatusAsync(context.Id("id"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(status, Json.TerminationStatusView);
    }
}
