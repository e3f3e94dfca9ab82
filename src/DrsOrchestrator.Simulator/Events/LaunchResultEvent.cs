using System.Text.Json.Nodes;

namespace DrsOrchestrator.Simulator.Events;

/// <summary>
/// A "DRS Source Server Launch Result" event. <see cref="ToEventBridgeJson"/> renders the EventBridge
/// envelope a rule target receives: the source server ARN is in <c>resources</c>, the outcome in
/// <c>detail.state</c> and the job in <c>detail["job-id"]</c>.
/// </summary>
public sealed record LaunchResultEvent(
    string Id,
    string AccountId,
    string Region,
    DateTimeOffset Time,
    string SourceServerArn,
    string SourceServerId,
    string JobId,
    string State)
{
    public const string DetailType = "DRS Source Server Launch Result";
    public const string Source = "aws.drs";
    public const string Succeeded = "RECOVERY_LAUNCH_SUCCEEDED";
    public const string Failed = "RECOVERY_LAUNCH_FAILED";

    public JsonObject ToEventBridgeJson() => new()
    {
        ["version"] = "0",
        ["id"] = Id,
        ["detail-type"] = DetailType,
        ["source"] = Source,
        ["account"] = AccountId,
        ["time"] = Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["region"] = Region,
        ["resources"] = new JsonArray(SourceServerArn),
        ["detail"] = new JsonObject
        {
            ["state"] = State,
            ["job-id"] = JobId,
            ["sourceServerID"] = SourceServerId,
        },
    };
}
