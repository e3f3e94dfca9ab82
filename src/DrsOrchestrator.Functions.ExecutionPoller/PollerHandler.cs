using System.Globalization;
using System.Text.Json.Nodes;
using DrsOrchestrator.Application.Configuration;
using DrsOrchestrator.Application.Orchestration;

namespace DrsOrchestrator.Functions.ExecutionPoller;

/// <summary>
/// The execution poller's logic: EventBridge <c>DRS Source Server Launch Result</c> events update server
/// states (and release a finished wave's token); the scheduled event runs the finder over every active
/// execution; the tag sync schedule's <c>{"task":"tag-sync"}</c> runs a scheduled tag sync, which the tag
/// sync settings decide (enabled, intervalHours). Accepts one EventBridge envelope or an array of them (a batch).
/// </summary>
/// <param name="tagSync">Required for tag-sync input; hosts that never send it (engine tests) may leave it out.</param>
public sealed class PollerHandler(OrchestrationEngine engine, TagSyncService? tagSync = null)
{
    public const string LaunchResultDetailType = "DRS Source Server Launch Result";
    public const string ScheduledDetailType = "Scheduled Event";

    /// <summary>The input the deployed finder schedule sends (a rule target input replaces the event).</summary>
    public const string FindExecutionsTask = "find-executions";

    /// <summary>The input the deployed tag sync schedule sends.</summary>
    public const string TagSyncTask = "tag-sync";

    /// <summary>
    /// How often the tag sync schedule ticks (the CDK rule and the local host's timer): more often than the
    /// shortest intervalHours (1), so a run starts at most one tick after it is due.
    /// </summary>
    public static readonly TimeSpan TagSyncTickInterval = TimeSpan.FromMinutes(15);

    /// <returns>
    /// <c>{"launchResults":n,"executions":n,"reconciled":n,"terminations":n}</c>, plus
    /// <c>"tagSync":"RAN|DISABLED|NOT_DUE|ALREADY_RUNNING"</c> when a tag sync tick was among the input.
    /// </returns>
    public async Task<JsonObject> HandleAsync(JsonNode input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var envelopes = input is JsonArray array ? array.OfType<JsonObject>().ToList() : [input.AsObject()];
        var notices = new List<LaunchResultNotice>();
        var reconcile = false;
        var syncTags = false;
        foreach (var envelope in envelopes)
        {
            var detailType = envelope["detail-type"]?.GetValue<string>();
            if (detailType == LaunchResultDetailType && ParseLaunchResult(envelope) is { } notice)
            {
                notices.Add(notice);
            }
            else if (IsFinderRequest(envelope))
            {
                reconcile = true;
            }
            else if (IsTagSyncRequest(envelope))
            {
                syncTags = true;
            }
        }

        var touched = notices.Count > 0 ? await engine.ApplyLaunchResultsAsync(notices, cancellationToken).ConfigureAwait(false) : [];
        var reconciled = reconcile ? await engine.ReconcileActiveAsync(cancellationToken).ConfigureAwait(false) : 0;
        var terminations = reconcile ? await engine.TrackTerminationsAsync(cancellationToken).ConfigureAwait(false) : 0;
        var result = new JsonObject { ["launchResults"] = notices.Count, ["executions"] = touched.Count, ["reconciled"] = reconciled, ["terminations"] = terminations };
        if (syncTags)
        {
            var service = tagSync ?? throw new InvalidOperationException("This poller was composed without tag sync, so it cannot serve the tag sync schedule.");
            var outcome = await service.RunScheduledAsync(cancellationToken).ConfigureAwait(false);
            result["tagSync"] = OutcomeName(outcome.Outcome);
        }

        return result;
    }

    /// <summary>True for the tag sync schedule's <c>{"task":"tag-sync"}</c> input.</summary>
    public static bool IsTagSyncRequest(JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope["task"] is JsonValue task && task.TryGetValue<string>(out var name) && name == TagSyncTask;
    }

    /// <summary>
    /// True for the scheduled finder: either EventBridge's own "Scheduled Event" envelope or the
    /// <c>{"task":"find-executions"}</c> input the CDK schedule sends in its place.
    /// </summary>
    public static bool IsFinderRequest(JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope["detail-type"]?.GetValue<string>() == ScheduledDetailType
            || (envelope["task"] is JsonValue task && task.TryGetValue<string>(out var name) && name == FindExecutionsTask);
    }

    /// <summary>Reads a launch-result envelope; null when a field the engine needs is missing.</summary>
    public static LaunchResultNotice? ParseLaunchResult(JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var detail = envelope["detail"] as JsonObject;
        var account = envelope["account"]?.GetValue<string>();
        var region = envelope["region"]?.GetValue<string>();
        var jobId = detail?["job-id"]?.GetValue<string>();
        var state = detail?["state"]?.GetValue<string>();
        var serverId = detail?["sourceServerID"]?.GetValue<string>() ?? ServerIdFromArn(envelope["resources"]?[0]?.GetValue<string>());
        if (account is null || region is null || jobId is null || serverId is null || state is not ("RECOVERY_LAUNCH_SUCCEEDED" or "RECOVERY_LAUNCH_FAILED"))
        {
            return null;
        }

        var time = DateTimeOffset.TryParse(envelope["time"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.UtcNow;
        return new LaunchResultNotice(account, region, jobId, serverId, state == "RECOVERY_LAUNCH_SUCCEEDED", time);
    }

    private static string OutcomeName(TagSyncScheduleOutcome outcome) => outcome switch
    {
        TagSyncScheduleOutcome.Ran => "RAN",
        TagSyncScheduleOutcome.Disabled => "DISABLED",
        TagSyncScheduleOutcome.NotDue => "NOT_DUE",
        TagSyncScheduleOutcome.AlreadyRunning => "ALREADY_RUNNING",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static string? ServerIdFromArn(string? arn) =>
        arn is not null && arn.LastIndexOf('/') is var slash and >= 0 ? arn[(slash + 1)..] : null;
}
