using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Simulator.Engine;
using DrsOrchestrator.Simulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace DrsOrchestrator.Simulator.Http;

/// <summary>DRS's REST-JSON routes (URIs, methods and status codes of the drs-2020-02-26 model).</summary>
internal static class DrsOperations
{
    public static void Map(IEndpointRouteBuilder routes, DrsHttpHandler handler)
    {
        var sim = handler.Simulator;
        MapPost(routes, handler, "StartRecovery", (caller, input, _) =>
        {
            var servers = ServersToRecover(input);
            var job = sim.StartRecovery(caller, DrsWire.Bool(input, "isDrill") ?? false, servers, DrsWire.StringMap(input, "tags"));
            return (202, new JsonObject { ["job"] = DrsWire.Job(job) });
        });
        MapPost(routes, handler, "DescribeJobs", (caller, input, _) =>
        {
            var filters = DrsWire.Object(input, "filters");
            var page = sim.DescribeJobs(caller, DrsWire.StringList(filters, "jobIDs"), DrsWire.Date(filters, "fromDate"), DrsWire.Date(filters, "toDate"), DrsWire.Int(input, "maxResults"), DrsWire.String(input, "nextToken"));
            return (200, DrsWire.Page(page, DrsWire.Job));
        });
        MapPost(routes, handler, "DescribeJobLogItems", (caller, input, _) =>
        {
            var page = sim.DescribeJobLogItems(caller, DrsWire.String(input, "jobID", required: true)!, DrsWire.Int(input, "maxResults"), DrsWire.String(input, "nextToken"));
            return (200, DrsWire.Page(page, DrsWire.LogItem));
        });
        MapPost(routes, handler, "DescribeSourceServers", (caller, input, _) =>
        {
            var filters = DrsWire.Object(input, "filters");
            var page = sim.DescribeSourceServers(caller, DrsWire.StringList(filters, "sourceServerIDs"), DrsWire.String(filters, "hardwareId"), DrsWire.StringList(filters, "stagingAccountIDs"), DrsWire.Int(input, "maxResults"), DrsWire.String(input, "nextToken"));
            return (200, DrsWire.Page(page, DrsWire.SourceServer));
        });
        MapPost(routes, handler, "DescribeRecoveryInstances", (caller, input, _) =>
        {
            var filters = DrsWire.Object(input, "filters");
            var page = sim.DescribeRecoveryInstances(caller, DrsWire.StringList(filters, "recoveryInstanceIDs"), DrsWire.StringList(filters, "sourceServerIDs"), DrsWire.Int(input, "maxResults"), DrsWire.String(input, "nextToken"));
            return (200, DrsWire.Page(page, DrsWire.RecoveryInstance));
        });
        MapPost(routes, handler, "TerminateRecoveryInstances", (caller, input, _) =>
        {
            var job = sim.TerminateRecoveryInstances(caller, DrsWire.StringList(input, "recoveryInstanceIDs", required: true)!);
            return (200, new JsonObject { ["job"] = DrsWire.Job(job) });
        });
        MapPost(routes, handler, "GetLaunchConfiguration", (caller, input, _) =>
            (200, DrsWire.LaunchConfiguration(sim.GetLaunchConfiguration(caller, DrsWire.String(input, "sourceServerID", required: true)!))));
        MapPost(routes, handler, "UpdateLaunchConfiguration", (caller, input, _) =>
        {
            var update = new LaunchConfigurationUpdate(DrsWire.String(input, "sourceServerID", required: true)!)
            {
                CopyPrivateIp = DrsWire.Bool(input, "copyPrivateIp"),
                CopyTags = DrsWire.Bool(input, "copyTags"),
                LaunchDisposition = DrsWire.String(input, "launchDisposition"),
                OsByol = DrsWire.Bool(DrsWire.Object(input, "licensing"), "osByol"),
                Name = DrsWire.String(input, "name"),
                PostLaunchEnabled = DrsWire.Bool(input, "postLaunchEnabled"),
                TargetInstanceTypeRightSizingMethod = DrsWire.String(input, "targetInstanceTypeRightSizingMethod"),
                LaunchIntoEc2InstanceId = DrsWire.String(DrsWire.Object(input, "launchIntoInstanceProperties"), "launchIntoEC2InstanceID"),
            };
            return (200, DrsWire.LaunchConfiguration(sim.UpdateLaunchConfiguration(caller, update)));
        });
        MapPost(routes, handler, "DescribeRecoverySnapshots", (caller, input, _) =>
        {
            var filters = DrsWire.Object(input, "filters");
            var page = sim.DescribeRecoverySnapshots(caller, DrsWire.String(input, "sourceServerID", required: true)!, DrsWire.Date(filters, "fromDateTime"), DrsWire.Date(filters, "toDateTime"), DrsWire.String(input, "order"), DrsWire.Int(input, "maxResults"), DrsWire.String(input, "nextToken"));
            return (200, DrsWire.Page(page, DrsWire.Snapshot));
        });

        routes.MapGet("/tags/{**resourceArn}", context => handler.HandleAsync(context, "ListTagsForResource", (caller, _, ctx) =>
            (200, new JsonObject { ["tags"] = DrsWire.Tags(sim.ListTagsForResource(caller, ResourceArn(ctx))) })));
        routes.MapPost("/tags/{**resourceArn}", context => handler.HandleAsync(context, "TagResource", (caller, input, ctx) =>
        {
            sim.TagResource(caller, ResourceArn(ctx), DrsWire.StringMap(input, "tags", required: true)!);
            return (200, null);
        }));
        routes.MapDelete("/tags/{**resourceArn}", context => handler.HandleAsync(context, "UntagResource", (caller, _, ctx) =>
        {
            var keys = ctx.Request.Query["tagKeys"];
            if (keys.Count == 0)
            {
                throw DrsErrors.Validation("tagKeys is required", "fieldValidationFailed", ("tagKeys", "is required"));
            }

            sim.UntagResource(caller, ResourceArn(ctx), [.. keys.Select(k => k ?? "")]);
            return (200, null);
        }));
    }

    private static void MapPost(IEndpointRouteBuilder routes, DrsHttpHandler handler, string operation, DrsHttpHandler.Operation run) =>
        routes.MapPost("/" + operation, context => handler.HandleAsync(context, operation, run));

    private static List<RecoveryServerRequest> ServersToRecover(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object || !input.TryGetProperty("sourceServers", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw DrsErrors.Validation("sourceServers is required", "fieldValidationFailed", ("sourceServers", "is required"));
        }

        return [.. list.EnumerateArray().Select(item => new RecoveryServerRequest(
            DrsWire.String(item, "sourceServerID", required: true)!,
            DrsWire.String(item, "recoverySnapshotID")))];
    }

    /// <summary>
    /// The ARN from the raw request target: clients escape its '/' as %2F, which routing would not decode,
    /// so the path is decoded here in one piece.
    /// </summary>
    private static string ResourceArn(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var path = raw.Split('?', 2)[0];
        var start = path.IndexOf("/tags/", StringComparison.Ordinal);
        return Uri.UnescapeDataString(path[(start + "/tags/".Length)..]);
    }
}
