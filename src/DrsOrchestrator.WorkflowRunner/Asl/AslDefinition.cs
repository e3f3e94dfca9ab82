using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>
/// A parsed and validated state machine. <see cref="Parse"/> walks the whole definition and rejects,
/// with every problem at once, anything the interpreter would not execute exactly as written.
/// </summary>
internal sealed class AslDefinition
{
    public const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    public const string LambdaInvokeWaitForToken = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    private static readonly HashSet<string> TopLevelFields = ["Comment", "StartAt", "States", "Version"];

    private static readonly Dictionary<string, HashSet<string>> FieldsByType = new(StringComparer.Ordinal)
    {
        ["Task"] = ["Type", "Comment", "Resource", "Parameters", "ResultSelector", "ResultPath", "InputPath", "OutputPath", "TimeoutSeconds", "HeartbeatSeconds", "Retry", "Catch", "Next", "End"],
        ["Choice"] = ["Type", "Comment", "Choices", "Default", "InputPath", "OutputPath"],
        ["Wait"] = ["Type", "Comment", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath", "OutputPath", "Next", "End"],
        ["Pass"] = ["Type", "Comment", "Result", "ResultPath", "Parameters", "InputPath", "OutputPath", "Next", "End"],
        ["Succeed"] = ["Type", "Comment", "InputPath", "OutputPath"],
        ["Fail"] = ["Type", "Comment", "Error", "Cause"],
    };

    /// <summary>The context-object fields the runner fills in (<c>$$.Task.Token</c> only inside waitForTaskToken tasks).</summary>
    private static readonly HashSet<string> ContextPaths =
    [
        "$$", "$$.Execution", "$$.Execution.Id", "$$.Execution.Input", "$$.Execution.Name", "$$.Execution.StartTime",
        "$$.State", "$$.State.EnteredTime", "$$.State.Name", "$$.State.RetryCount",
        "$$.StateMachine", "$$.StateMachine.Id", "$$.StateMachine.Name", "$$.Task", "$$.Task.Token",
    ];

    private AslDefinition(string startAt, IReadOnlyDictionary<string, AslState> states)
    {
        StartAt = startAt;
        States = states;
    }

    public string StartAt { get; }

    public IReadOnlyDictionary<string, AslState> States { get; }

    public static AslDefinition Parse(string json)
    {
        var errors = new List<string>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new AslValidationException([$"The definition is not valid JSON: {ex.Message}"]);
        }

        if (root is not JsonObject top)
        {
            throw new AslValidationException(["The definition must be a JSON object."]);
        }

        foreach (var (key, _) in top)
        {
            if (!TopLevelFields.Contains(key))
            {
                errors.Add($"Top-level field '{key}' is not supported by the local runner.");
            }
        }

        var startAt = GetString(top, "StartAt", "definition", errors, required: true) ?? string.Empty;
        var states = new Dictionary<string, AslState>(StringComparer.Ordinal);
        if (top["States"] is not JsonObject stateObjects || stateObjects.Count == 0)
        {
            errors.Add("'States' must be a non-empty object.");
        }
        else
        {
            foreach (var (name, node) in stateObjects)
            {
                if (ParseState(name, node, errors) is { } state)
                {
                    states[name] = state;
                }
            }
        }

        if (errors.Count == 0)
        {
            CheckTransitions(startAt, states, errors);
        }

        if (errors.Count > 0)
        {
            throw new AslValidationException(errors);
        }

        return new AslDefinition(startAt, states);
    }

    private static void CheckTransitions(string startAt, Dictionary<string, AslState> states, List<string> errors)
    {
        if (!states.ContainsKey(startAt))
        {
            errors.Add($"StartAt '{startAt}' is not a state.");
            return;
        }

        foreach (var state in states.Values)
        {
            foreach (var target in state.Transitions())
            {
                if (!states.ContainsKey(target))
                {
                    errors.Add($"State '{state.Name}' moves to '{target}', which is not a state.");
                }
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var queue = new Queue<string>([startAt]);
        while (queue.TryDequeue(out var name))
        {
            foreach (var target in states[name].Transitions())
            {
                if (states.ContainsKey(target) && reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        foreach (var name in states.Keys.Where(n => !reached.Contains(n)))
        {
            errors.Add($"State '{name}' is not reachable from StartAt.");
        }
    }

    private static AslState? ParseState(string name, JsonNode? node, List<string> errors)
    {
        var where = $"State '{name}'";
        if (node is not JsonObject obj)
        {
            errors.Add($"{where} must be an object.");
            return null;
        }

        var type = GetString(obj, "Type", where, errors, required: true);
        if (type is null)
        {
            return null;
        }

        if (!FieldsByType.TryGetValue(type, out var allowed))
        {
            errors.Add($"{where}: type '{type}' is not supported by the local runner.");
            return null;
        }

        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key))
            {
                errors.Add($"{where}: field '{key}' is not supported on a {type} state by the local runner.");
            }
        }

        var next = GetString(obj, "Next", where, errors, required: false);
        var end = obj["End"] is JsonValue e && e.GetValueKind() == JsonValueKind.True;
        if (type is "Task" or "Wait" or "Pass" && (next is null) == !end)
        {
            errors.Add($"{where}: exactly one of 'Next' or 'End: true' is required.");
        }

        var state = type switch
        {
            "Task" => ParseTask(name, obj, where, errors, next, end),
            "Choice" => ParseChoice(name, obj, where, errors),
            "Wait" => ParseWait(name, obj, where, errors, next, end),
            "Pass" => new AslState
            {
                Name = name,
                Type = type,
                Next = next,
                End = end,
                InputPath = ParseOptionalPath(obj, "InputPath", where, errors),
                OutputPath = ParseOptionalPath(obj, "OutputPath", where, errors),
                ResultPath = ParseOptionalPath(obj, "ResultPath", where, errors),
                Parameters = ParseTemplate(obj, "Parameters", where, errors),
                Result = obj["Result"]?.DeepClone(),
            },
            "Succeed" => new AslState
            {
                Name = name,
                Type = type,
                InputPath = ParseOptionalPath(obj, "InputPath", where, errors),
                OutputPath = ParseOptionalPath(obj, "OutputPath", where, errors),
            },
            _ => new AslState
            {
                Name = name,
                Type = type,
                Error = GetString(obj, "Error", where, errors, required: false),
                Cause = GetString(obj, "Cause", where, errors, required: false),
            },
        };
        return state;
    }

    private static AslState ParseTask(string name, JsonObject obj, string where, List<string> errors, string? next, bool end)
    {
        var resource = GetString(obj, "Resource", where, errors, required: true);
        if (resource is not null and not (LambdaInvoke or LambdaInvokeWaitForToken))
        {
            errors.Add($"{where}: resource '{resource}' is not supported (only {LambdaInvoke} and {LambdaInvokeWaitForToken}).");
        }

        var parameters = ParseTemplate(obj, "Parameters", where, errors);
        if (obj["Parameters"] is not JsonObject p || !(p.ContainsKey("FunctionName") || p.ContainsKey("FunctionName.$")))
        {
            errors.Add($"{where}: a Lambda task needs Parameters.FunctionName.");
        }
        else
        {
            foreach (var key in p.Select(kv => kv.Key).Where(k => k is not ("FunctionName" or "FunctionName.$" or "Payload" or "Payload.$")))
            {
                errors.Add($"{where}: Parameters.{key} is not supported by the local Lambda integration.");
            }
        }

        var waitForToken = resource == LambdaInvokeWaitForToken;
        if (parameters is not null)
        {
            foreach (var path in parameters.Paths.Where(x => x.IsContext))
            {
                if (!ContextPaths.Contains(path.Text))
                {
                    errors.Add($"{where}: context path '{path.Text}' is not provided by the local runner.");
                }
                else if (path.Text.StartsWith("$$.Task", StringComparison.Ordinal) && !waitForToken)
                {
                    errors.Add($"{where}: '{path.Text}' exists only in a .waitForTaskToken task.");
                }
            }
        }

        if (waitForToken && !(obj["Parameters"]?.ToJsonString().Contains("$$.Task.Token", StringComparison.Ordinal) ?? false))
        {
            errors.Add($"{where}: a .waitForTaskToken task must pass $$.Task.Token, or nobody can ever complete it.");
        }

        var timeout = GetPositiveInt(obj, "TimeoutSeconds", where, errors);
        var heartbeat = GetPositiveInt(obj, "HeartbeatSeconds", where, errors);
        if (heartbeat is not null && timeout is not null && heartbeat >= timeout)
        {
            errors.Add($"{where}: HeartbeatSeconds must be smaller than TimeoutSeconds.");
        }

        return new AslState
        {
            Name = name,
            Type = "Task",
            Next = next,
            End = end,
            Resource = resource,
            WaitForTaskToken = waitForToken,
            InputPath = ParseOptionalPath(obj, "InputPath", where, errors),
            OutputPath = ParseOptionalPath(obj, "OutputPath", where, errors),
            ResultPath = ParseOptionalPath(obj, "ResultPath", where, errors),
            Parameters = parameters,
            ResultSelector = ParseTemplate(obj, "ResultSelector", where, errors, allowContext: false),
            TimeoutSeconds = timeout,
            HeartbeatSeconds = heartbeat,
            Retry = ParseRetry(obj, where, errors),
            Catch = ParseCatch(obj, where, errors),
        };
    }

    private static AslState ParseChoice(string name, JsonObject obj, string where, List<string> errors)
    {
        var rules = new List<ChoiceRule>();
        if (obj["Choices"] is not JsonArray choices || choices.Count == 0)
        {
            errors.Add($"{where}: 'Choices' must be a non-empty array.");
        }
        else
        {
            for (var i = 0; i < choices.Count; i++)
            {
                if (ChoiceRule.Parse(choices[i], $"{where}.Choices[{i}]", topLevel: true, errors) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        return new AslState
        {
            Name = name,
            Type = "Choice",
            Choices = rules,
            Default = GetString(obj, "Default", where, errors, required: false),
            InputPath = ParseOptionalPath(obj, "InputPath", where, errors),
            OutputPath = ParseOptionalPath(obj, "OutputPath", where, errors),
        };
    }

    private static AslState ParseWait(string name, JsonObject obj, string where, List<string> errors, string? next, bool end)
    {
        var given = new[] { "Seconds", "SecondsPath", "Timestamp", "TimestampPath" }.Where(obj.ContainsKey).ToList();
        if (given.Count != 1)
        {
            errors.Add($"{where}: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath is required.");
        }

        DateTimeOffset? timestamp = null;
        if (GetString(obj, "Timestamp", where, errors, required: false) is { } text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                errors.Add($"{where}: Timestamp '{text}' is not an ISO 8601 timestamp.");
            }
        }

        int? seconds = null;
        if (obj.ContainsKey("Seconds"))
        {
            seconds = obj["Seconds"] is JsonValue v && v.TryGetValue<int>(out var s) && s >= 0 ? s : null;
            if (seconds is null)
            {
                errors.Add($"{where}: Seconds must be a non-negative integer.");
            }
        }

        return new AslState
        {
            Name = name,
            Type = "Wait",
            Next = next,
            End = end,
            Seconds = seconds,
            SecondsPath = obj.ContainsKey("SecondsPath") ? ParseOptionalPath(obj, "SecondsPath", where, errors) : null,
            Timestamp = timestamp,
            TimestampPath = obj.ContainsKey("TimestampPath") ? ParseOptionalPath(obj, "TimestampPath", where, errors) : null,
            InputPath = ParseOptionalPath(obj, "InputPath", where, errors),
            OutputPath = ParseOptionalPath(obj, "OutputPath", where, errors),
        };
    }

    private static List<Retrier> ParseRetry(JsonObject obj, string where, List<string> errors)
    {
        var result = new List<Retrier>();
        if (obj["Retry"] is null)
        {
            return result;
        }

        if (obj["Retry"] is not JsonArray list)
        {
            errors.Add($"{where}: Retry must be an array.");
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{where}.Retry[{i}]";
            if (list[i] is not JsonObject r)
            {
                errors.Add($"{at} must be an object.");
                continue;
            }

            foreach (var key in r.Select(kv => kv.Key).Where(k => k is not ("ErrorEquals" or "IntervalSeconds" or "MaxAttempts" or "BackoffRate" or "MaxDelaySeconds" or "JitterStrategy" or "Comment")))
            {
                errors.Add($"{at}: field '{key}' is not supported by the local runner.");
            }

            var errorEquals = ParseErrorEquals(r, at, errors, isLast: i == list.Count - 1);
            var jitter = GetString(r, "JitterStrategy", at, errors, required: false) ?? "NONE";
            if (jitter is not ("FULL" or "NONE"))
            {
                errors.Add($"{at}: JitterStrategy must be FULL or NONE.");
            }

            var backoff = GetNumber(r, "BackoffRate", at, errors) ?? 2.0;
            if (backoff < 1.0)
            {
                errors.Add($"{at}: BackoffRate must be at least 1.0.");
            }

            result.Add(new Retrier(
                errorEquals,
                GetPositiveInt(r, "IntervalSeconds", at, errors) ?? 1,
                GetNonNegativeInt(r, "MaxAttempts", at, errors) ?? 3,
                backoff,
                GetPositiveInt(r, "MaxDelaySeconds", at, errors),
                jitter == "FULL"));
        }

        return result;
    }

    private static List<Catcher> ParseCatch(JsonObject obj, string where, List<string> errors)
    {
        var result = new List<Catcher>();
        if (obj["Catch"] is null)
        {
            return result;
        }

        if (obj["Catch"] is not JsonArray list)
        {
            errors.Add($"{where}: Catch must be an array.");
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{where}.Catch[{i}]";
            if (list[i] is not JsonObject c)
            {
                errors.Add($"{at} must be an object.");
                continue;
            }

            foreach (var key in c.Select(kv => kv.Key).Where(k => k is not ("ErrorEquals" or "Next" or "ResultPath" or "Comment")))
            {
                errors.Add($"{at}: field '{key}' is not supported by the local runner.");
            }

            var next = GetString(c, "Next", at, errors, required: true) ?? string.Empty;
            result.Add(new Catcher(ParseErrorEquals(c, at, errors, isLast: i == list.Count - 1), next, ParseOptionalPath(c, "ResultPath", at, errors)));
        }

        return result;
    }

    private static List<string> ParseErrorEquals(JsonObject obj, string where, List<string> errors, bool isLast)
    {
        var names = new List<string>();
        if (obj["ErrorEquals"] is not JsonArray list || list.Count == 0)
        {
            errors.Add($"{where}: ErrorEquals must be a non-empty array.");
            return names;
        }

        foreach (var item in list)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                names.Add(s);
            }
            else
            {
                errors.Add($"{where}: ErrorEquals entries must be strings.");
            }
        }

        if (names.Contains(StatesErrorNames.All) && (names.Count != 1 || !isLast))
        {
            errors.Add($"{where}: States.ALL must appear alone and in the last retrier or catcher.");
        }

        return names;
    }

    /// <summary>Absent means the root path; an explicit JSON null returns <c>null</c> (discard).</summary>
    private static JsonPathExpression? ParseOptionalPath(JsonObject obj, string field, string where, List<string> errors)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return JsonPathExpression.Parse("$", allowContext: false);
        }

        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text) && JsonPathExpression.TryParse(text, allowContext: false, out var path, out var error))
        {
            return path;
        }

        errors.Add($"{where}.{field}: not a supported reference path ({node.ToJsonString()}).");
        return JsonPathExpression.Parse("$", allowContext: false);
    }

    private static PayloadTemplate? ParseTemplate(JsonObject obj, string field, string where, List<string> errors, bool allowContext = true)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is not JsonObject)
        {
            errors.Add($"{where}.{field} must be an object.");
            return null;
        }

        return PayloadTemplate.Parse(node, $"{where}.{field}", allowContext, errors);
    }

    private static string? GetString(JsonObject obj, string field, string where, List<string> errors, bool required)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            if (required)
            {
                errors.Add($"{where}: '{field}' is required.");
            }

            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        errors.Add($"{where}: '{field}' must be a string.");
        return null;
    }

    private static int? GetPositiveInt(JsonObject obj, string field, string where, List<string> errors)
    {
        var value = GetNonNegativeInt(obj, field, where, errors);
        if (value == 0)
        {
            errors.Add($"{where}: '{field}' must be positive.");
        }

        return value;
    }

    private static int? GetNonNegativeInt(JsonObject obj, string field, string where, List<string> errors)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<int>(out var i) && i >= 0)
        {
            return i;
        }

        errors.Add($"{where}: '{field}' must be a non-negative integer.");
        return null;
    }

    private static double? GetNumber(JsonObject obj, string field, string where, List<string> errors)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return v.GetValue<double>();
        }

        errors.Add($"{where}: '{field}' must be a number.");
        return null;
    }
}
