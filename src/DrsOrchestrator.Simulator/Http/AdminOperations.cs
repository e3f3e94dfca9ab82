using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Simulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>
/// Operator and test controls under /_sim: faults, clock, call log, job history and events. The
/// simulator only ever listens on loopback, so these carry no authentication.
/// </summary>
internal static class AdminOperations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder routes, DrsSimulator sim)
    {
        var admin = routes.MapGroup("/_sim");
        admin.MapGet("/faults", context => Write(context, 200, JsonSerializer.SerializeToNode(sim.Faults, Json)));
        admin.MapPut("/faults", async context =>
        {
            var faults = await Read<FaultSettings>(context).ConfigureAwait(false);
            if (faults is null)
            {
                await Write(context, 400, new JsonObject { ["message"] = "body must be a FaultSettings JSON object" }).ConfigureAwait(false);
                return;
            }

            sim.Faults = faults;
            await Write(context, 200, JsonSerializer.SerializeToNode(sim.Faults, Json)).ConfigureAwait(false);
        });
        admin.MapGet("/calls", context => Write(context, 200, JsonSerializer.SerializeToNode(sim.Calls, Json)));
        admin.MapDelete("/calls", context =>
        {
            sim.ClearCalls();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        admin.MapGet("/jobs", context => Write(context, 200, JsonSerializer.SerializeToNode(sim.JobHistory, Json)));
        admin.MapGet("/jobs/max-concurrent", context =>
        {
            var account = context.Request.Query["accountId"].ToString();
            var region = context.Request.Query["region"].ToString();
            return Write(context, 200, new JsonObject { ["accountId"] = account, ["region"] = region, ["maxConcurrentJobs"] = sim.MaxConcurrentJobs(account, region) });
        });
        admin.MapGet("/clock", context => Write(context, 200, Clock(sim)));
        admin.MapPost("/clock/advance", async context =>
        {
            var body = await Read<JsonObject>(context).ConfigureAwait(false);
            var seconds = body?["seconds"]?.GetValue<double>() ?? -1;
            if (seconds < 0)
            {
                await Write(context, 400, new JsonObject { ["message"] = "body must be {\"seconds\": n} with n >= 0" }).ConfigureAwait(false);
                return;
            }

            await sim.AdvanceAsync(TimeSpan.FromSeconds(seconds), context.RequestAborted).ConfigureAwait(false);
            await Write(context, 200, Clock(sim)).ConfigureAwait(false);
        });
        admin.MapPut("/clock/scale", async context =>
        {
            var body = await Read<JsonObject>(context).ConfigureAwait(false);
            var scale = body?["scale"]?.GetValue<double>() ?? -1;
            if (scale < 0)
            {
                await Write(context, 400, new JsonObject { ["message"] = "body must be {\"scale\": n} with n >= 0" }).ConfigureAwait(false);
                return;
            }

            sim.Clock.Scale = scale;
            await Write(context, 200, Clock(sim)).ConfigureAwait(false);
        });
        admin.MapGet("/events", context => Write(context, 200, new JsonObject
        {
            ["delivered"] = new JsonArray([.. sim.DeliveredEvents.Select(e => (JsonNode)e.ToEventBridgeJson())]),
            ["dropped"] = new JsonArray([.. sim.DroppedEvents.Select(e => (JsonNode)e.ToEventBridgeJson())]),
            ["deliveryFailures"] = sim.DeliveryFailures,
        }));
        admin.MapPost("/webhooks", async context =>
        {
            var body = await Read<JsonObject>(context).ConfigureAwait(false);
            var url = body?["url"]?.GetValue<string>();
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
            {
                await Write(context, 400, new JsonObject { ["message"] = "body must be {\"url\": \"http://127.0.0.1:...\"} on a loopback address" }).ConfigureAwait(false);
                return;
            }

            sim.AddWebhook(uri);
            context.Response.StatusCode = 204;
        });
        admin.MapGet("/accounts", context => Write(context, 200, new JsonArray([.. sim.AccountIds.Select(account => (JsonNode)new JsonObject
        {
            ["accountId"] = account,
            ["regions"] = new JsonArray([.. sim.RegionsOf(account).Select(region => (JsonNode)new JsonObject
            {
                ["region"] = region,
                ["sourceServers"] = sim.SourceServersOf(account, region).Count,
            })]),
        })])));
    }

    private static JsonObject Clock(DrsSimulator sim) => new()
    {
        ["now"] = DrsSimulator.FormatTime(sim.Clock.GetUtcNow()),
        ["scale"] = sim.Clock.Scale,
        ["nextStepDue"] = sim.NextStepDue is { } due ? DrsSimulator.FormatTime(due) : null,
    };

    private static async Task<T?> Read<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static Task Write(HttpContext context, int status, JsonNode? json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json?.ToJsonString() ?? "null", context.RequestAborted);
    }
}
