using DrsOrchestrator.Application.Inventory;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Executions;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Functions.Api.Json;
using DrsOrchestrator.Functions.Api.Pipeline;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Functions.Api.Endpoints.Executions;

/// <summary>The read side of executions and the bulk delete of finished ones.</summary>
internal sealed class ExecutionRoutes : IRouteModule
{
    private static ApiJsonContext Json => ApiJsonContext.Default;

    public void Map(RouteRegistry routes)
    {
        routes.Bind("GET", "/executions", List, responseData: Json.ExecutionPage);
        routes.Bind("GET", "/executions/{id}", Get, responseData: Json.ExecutionView);
        routes.Bind("GET", "/executions/{id}/job-logs", JobLogs, responseData: Json.JobLogsView);
        routes.Bind("GET", "/executions/{id}/recovery-instances", RecoveryInstances, responseData: Json.RecoveryInstancesView);
        routes.Bind("GET", "/executions/{id}/report", Report, responseData: Json.ExecutionReport);
        routes.Bind("DELETE", "/executions", DeleteByQuery, responseData: Json.BulkDeleteResult);
        routes.Bind("POST", "/executions/delete", DeleteByBody, Json.BulkDeleteRequest, Json.BulkDeleteResult);
    }

    private static async Task<HandlerResult> List(RouteContext context)
    {
        var status = context.Query("status", 32) is { } s ? WireEnum.Parse<ExecutionStatus>(s, "status") : (ExecutionStatus?)null;
        var type = context.Query("type", 16) is { } t ? WireEnum.Parse<ExecutionType>(t, "type") : (ExecutionType?)null;
        var planId = context.Query("planId", 128) is { } p ? RouteContext.IdValue(p, "planId") : null;
        var page = await context.Service<ExecutionHistoryService>()
            .ListAsync(new ExecutionFilter(status, planId, type), new PageRequest(context.Limit(), context.NextToken()), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new ExecutionPage(page.Items, page.NextToken), Json.ExecutionPage);
    }

    private static async Task<HandlerResult> Get(RouteContext context)
    {
        var execution = await context.Service<ExecutionHistoryService>().GetAsync(context.Id("id"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(ExecutionView.From(execution), Json.ExecutionView);
    }

    private static async Task<HandlerResult> JobLogs(RouteContext context)
    {
        var id = context.Id("id");
        var logs = await context.Service<ExecutionHistoryService>().JobLogsAsync(id, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new JobLogsView(id, logs), Json.JobLogsView);
    }

    private static async Task<HandlerResult> RecoveryInstances(RouteContext context)
    {
        var id = context.Id("id");
        var items = await context.Service<ExecutionHistoryService>().RecoveryInstancesAsync(id, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(new RecoveryInstancesView(id, items), Json.RecoveryInstancesView);
    }

    private static async Task<HandlerResult> Report(RouteContext context)
    {
        var report = await context.Service<ExecutionHistoryService>().ReportAsync(context.Id("id"), context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(report, Json.ExecutionReport);
    }

    private static Task<HandlerResult> DeleteByQuery(RouteContext context)
    {
        var raw = context.RequiredQuery("ids", 100 * 130);
        return DeleteAsync(context, raw.Split(',', StringSplitOptions.TrimEntries), "ids");
    }

    private static Task<HandlerResult> DeleteByBody(RouteContext context)
    {
        var body = context.Body(Json.BulkDeleteRequest);
        return DeleteAsync(context, body.Ids, "$.ids");
    }

    /// <summary>Every id is checked before the first delete, so a typo in the list deletes nothing.</summary>
    private static async Task<HandlerResult> DeleteAsync(RouteContext context, IReadOnlyList<string> ids, string field)
    {
        if (ids.Count == 0)
        {
            throw DomainException.BadRequest(ErrorCodes.MissingField, $"'{field}' lists no execution id.", new Dictionary<string, object?> { ["field"] = field });
        }

        if (ids.Count > ExecutionHistoryService.MaxBulkDelete)
        {
            throw DomainException.BadRequest(ErrorCodes.LimitExceeded, $"At most {ExecutionHistoryService.MaxBulkDelete} executions can be deleted at once.", new Dictionary<string, object?> { ["field"] = field });
        }

        var checkedIds = ids.Select((id, i) => RouteContext.IdValue(id, $"{field}[{i}]")).ToArray();
        var result = await context.Service<ExecutionHistoryService>().DeleteFinishedAsync(checkedIds, context.CancellationToken).ConfigureAwait(false);
        return HandlerResult.Ok(result, Json.BulkDeleteResult);
    }
}
