using System.Text.Json.Nodes;

namespace DrsOrchestrator.Workflow.Tests.Support;

/// <summary>Builders for small hand-written definitions; each test states only the part it exercises.</summary>
internal static class Asl
{
    public const string Invoke = "arn:aws:states:::lambda:invoke";
    public const string InvokeWaitForToken = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    public static string Machine(params (string Name, JsonObject State)[] states)
    {
        var all = new JsonObject();
        foreach (var (name, state) in states)
        {
            all[name] = state;
        }

        return new JsonObject { ["StartAt"] = states[0].Name, ["States"] = all }.ToJsonString();
    }

    /// <summary>A Lambda invoke task of the harness function; <paramref name="extra"/> adds or overrides fields.</summary>
    public static JsonObject LambdaTask(JsonObject? payload = null, string? next = null, JsonObject? extra = null) =>
        Task(Invoke, payload ?? new JsonObject { ["input.$"] = "$" }, next, extra);

    /// <summary>A waitForTaskToken task whose payload carries the token as "token".</summary>
    public static JsonObject TokenTask(string? next = null, JsonObject? extra = null) =>
        Task(InvokeWaitForToken, new JsonObject { ["token.$"] = "$$.Task.Token" }, next, extra);

    public static JsonObject Succeed() => new() { ["Type"] = "Succeed" };

    public static JsonObject Fail(string error, string cause) => new() { ["Type"] = "Fail", ["Error"] = error, ["Cause"] = cause };

    public static JsonObject Pass(JsonObject fields, string? next = null) => Transition(fields.Merge("Type", "Pass"), next);

    public static JsonObject Retry(string error, int interval, int maxAttempts, double backoff, int? maxDelay = null, string? jitter = null)
    {
        var retrier = new JsonObject
        {
            ["ErrorEquals"] = new JsonArray(error),
            ["IntervalSeconds"] = interval,
            ["MaxAttempts"] = maxAttempts,
            ["BackoffRate"] = backoff,
        };
        if (maxDelay is not null)
        {
            retrier["MaxDelaySeconds"] = maxDelay;
        }

        if (jitter is not null)
        {
            retrier["JitterStrategy"] = jitter;
        }

        return retrier;
    }

    private static JsonObject Task(string resource, JsonObject payload, string? next, JsonObject? extra)
    {
        var state = new JsonObject
        {
            ["Type"] = "Task",
            ["Resource"] = resource,
            ["Parameters"] = new JsonObject { ["FunctionName"] = "${FunctionArn}", ["Payload"] = payload },
        };
        foreach (var (key, value) in extra ?? [])
        {
            state[key] = value?.DeepClone();
        }

        return Transition(state, next);
    }

    private static JsonObject Transition(JsonObject state, string? next)
    {
        if (next is null)
        {
            state["End"] = true;
        }
        else
        {
            state["Next"] = next;
        }

        return state;
    }

    private static JsonObject Merge(this JsonObject fields, string key, string value)
    {
        var copy = (JsonObject)fields.DeepClone();
        copy[key] = value;
        return copy;
    }
}
