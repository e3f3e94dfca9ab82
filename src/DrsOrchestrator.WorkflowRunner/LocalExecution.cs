using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.WorkflowRunner.Asl;

namespace DrsOrchestrator.WorkflowRunner;

/// <summary>
/// One run of a state machine on a background task. It interprets the parsed definition state by
/// state, records a Step Functions-like history, and ends exactly once: succeeded, failed, or aborted
/// by StopExecution (which cancels every wait, so no orphaned timer or token outlives the run).
/// </summary>
internal sealed class LocalExecution
{
    private const string HistoryCapCause = "The execution reached the maximum number of history events ({0}).";

    private readonly LocalWorkflowRunner _runner;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly int _maxEvents;
    private readonly object _gate = new();
    private readonly List<WorkflowHistoryEvent> _events = [];
    private readonly List<TaskTokenRegistration> _tokens = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _status = ExecutionStatuses.Running;
    private DateTimeOffset? _stopDate;
    private string? _output;
    private string? _error;
    private string? _cause;

    public LocalExecution(LocalWorkflowRunner runner, LocalStateMachine stateMachine, string arn, string name, string inputJson, TimeProvider time, LocalWorkflowRunnerOptions options)
    {
        _runner = runner;
        _time = time;
        _random = options.Random ?? Random.Shared;
        _maxEvents = options.MaxHistoryEvents;
        StateMachine = stateMachine;
        Arn = arn;
        Name = name;
        InputJson = inputJson;
        StartDate = time.GetUtcNow();
    }

    public LocalStateMachine StateMachine { get; }

    public string Arn { get; }

    public string Name { get; }

    public string InputJson { get; }

    public DateTimeOffset StartDate { get; }

    public Task Completion => _completed.Task;

    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public void Start() => _ = Task.Run(RunAsync);

    public WorkflowExecutionDescription Describe()
    {
        lock (_gate)
        {
            return new WorkflowExecutionDescription(Arn, _status, StartDate, _stopDate, InputJson, _output, _error, _cause);
        }
    }

    public IReadOnlyList<WorkflowHistoryEvent> History()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public async Task<WorkflowHistoryEvent> WaitForEventAsync(Func<WorkflowHistoryEvent, bool> predicate, CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; scanned < _events.Count; scanned++)
                {
                    if (predicate(_events[scanned]))
                    {
                        return _events[scanned];
                    }
                }

                if (_status != ExecutionStatuses.Running)
                {
                    throw new InvalidOperationException($"Execution {Arn} ended ({_status}) without the awaited history event.");
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>StopExecution: the run ends now; the background task notices the cancellation and exits quietly.</summary>
    public void Abort(string? error, string? cause)
    {
        if (TryClose(ExecutionStatuses.Aborted, output: null, error, cause, "ExecutionAborted"))
        {
            _stop.Cancel();
        }
    }

    public void Track(TaskTokenRegistration registration)
    {
        lock (_gate)
        {
            _tokens.Add(registration);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            var input = JsonNode.Parse(InputJson);
            AddEvent("ExecutionStarted", null, new JsonObject { ["input"] = input?.DeepClone() });
            var current = StateMachine.Definition.StartAt;
            var data = input;
            while (true)
            {
                _stop.Token.ThrowIfCancellationRequested();
                var state = StateMachine.Definition.States[current];
                var entered = _time.GetUtcNow();
                AddEvent(state.Type + "StateEntered", state.Name, data);
                var (output, next) = await RunStateAsync(state, data, entered).ConfigureAwait(false);
                if (next is null)
                {
                    return;
                }

                data = output;
                current = next;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Aborted: StopExecution already recorded the outcome.
        }
        catch (StatesErrorException ex)
        {
            TryClose(ExecutionStatuses.Failed, null, ex.Error, ex.Cause, "ExecutionFailed");
        }
        catch (HistoryCapReachedException)
        {
            TryClose(ExecutionStatuses.Failed, null, StatesErrorNames.Runtime, string.Format(CultureInfo.InvariantCulture, HistoryCapCause, _maxEvents), "ExecutionFailed");
        }
#pragma warning disable CA1031 // An interpreter bug must end the run visibly, not leave it RUNNING forever.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TryClose(ExecutionStatuses.Failed, null, StatesErrorNames.Runtime, "Local runner error: " + ex, "ExecutionFailed");
        }
    }

    /// <returns>The state's output and the next state's name, or a null name when the run has ended.</returns>
    private async Task<(JsonNode? Output, string? Next)> RunStateAsync(AslState state, JsonNode? data, DateTimeOffset entered)
    {
        switch (state.Type)
        {
            case "Task":
                try
                {
                    var output = await RunTaskAsync(state, data, entered).ConfigureAwait(false);
                    AddEvent("TaskStateExited", state.Name, output);
                    return (output, state.End ? Succeed(output) : state.Next);
                }
                catch (StatesErrorException ex) when (state.Catch.FirstOrDefault(c => StatesErrorNames.Matches(c.ErrorEquals, ex.Error)) is { } catcher)
                {
                    var error = new JsonObject { ["Error"] = ex.Error, ["Cause"] = ex.Cause ?? string.Empty };
                    var output = catcher.ResultPath is null ? data?.DeepClone() : catcher.ResultPath.Place(data, error);
                    AddEvent("TaskStateExited", state.Name, output);
                    return (output, catcher.Next);
                }

            case "Choice":
            {
                var effective = ApplyPath(state.InputPath, data, "InputPath");
                var rule = state.Choices.FirstOrDefault(r => r.Evaluate(effective));
                var next = rule?.Next ?? state.Default
                    ?? throw new StatesErrorException(StatesErrorNames.NoChoiceMatched, $"No choice rule of '{state.Name}' matched and there is no Default.");
                var output = ApplyPath(state.OutputPath, effective, "OutputPath");
                AddEvent("ChoiceStateExited", state.Name, output);
                return (output, next);
            }

            case "Wait":
            {
                var effective = ApplyPath(state.InputPath, data, "InputPath");
                await DelayAsync(WaitDuration(state, effective), _stop.Token).ConfigureAwait(false);
                var output = ApplyPath(state.OutputPath, effective, "OutputPath");
                AddEvent("WaitStateExited", state.Name, output);
                return (output, state.End ? Succeed(output) : state.Next);
            }

            case "Pass":
            {
                var effective = ApplyPath(state.InputPath, data, "InputPath");
                if (state.Parameters is not null)
                {
                    effective = state.Parameters.Resolve(effective, Context(state, entered, 0, null));
                }

                var result = state.Result?.DeepClone() ?? effective;
                var merged = state.ResultPath is null ? data?.DeepClone() : state.ResultPath.Place(data, result);
                var output = ApplyPath(state.OutputPath, merged, "OutputPath");
                AddEvent("PassStateExited", state.Name, output);
                return (output, state.End ? Succeed(output) : state.Next);
            }

            case "Succeed":
            {
                var output = ApplyPath(state.OutputPath, ApplyPath(state.InputPath, data, "InputPath"), "OutputPath");
                AddEvent("SucceedStateExited", state.Name, output);
                return (output, Succeed(output));
            }

            default:
                TryClose(ExecutionStatuses.Failed, null, state.Error, state.Cause, "ExecutionFailed");
                return (null, null);
        }
    }

    private string? Succeed(JsonNode? output)
    {
        TryClose(ExecutionStatuses.Succeeded, output?.ToJsonString() ?? "null", null, null, "ExecutionSucceeded");
        return null;
    }

    private async Task<JsonNode?> RunTaskAsync(AslState state, JsonNode? data, DateTimeOffset entered)
    {
        var effective = ApplyPath(state.InputPath, data, "InputPath");
        var attempts = new int[state.Retry.Count];
        var retryCount = 0;
        JsonNode? result;
        while (true)
        {
            try
            {
                result = await InvokeOnceAsync(state, effective, entered, retryCount).ConfigureAwait(false);
                break;
            }
            catch (StatesErrorException ex)
            {
                var index = -1;
                for (var i = 0; i < state.Retry.Count && index < 0; i++)
                {
                    if (StatesErrorNames.Matches(state.Retry[i].ErrorEquals, ex.Error))
                    {
                        index = i;
                    }
                }

                if (index < 0 || attempts[index] >= state.Retry[index].MaxAttempts)
                {
                    throw;
                }

                var retrier = state.Retry[index];
                var delay = retrier.BaseDelay(attempts[index]);
                if (retrier.FullJitter)
                {
                    delay = TimeSpan.FromTicks((long)(delay.Ticks * _random.NextDouble()));
                }

                attempts[index]++;
                retryCount++;
                await DelayAsync(delay, _stop.Token).ConfigureAwait(false);
            }
        }

        if (state.ResultSelector is not null)
        {
            result = state.ResultSelector.Resolve(result, new JsonObject());
        }

        var merged = state.ResultPath is null ? data?.DeepClone() : state.ResultPath.Place(data, result);
        return ApplyPath(state.OutputPath, merged, "OutputPath");
    }

    private async Task<JsonNode?> InvokeOnceAsync(AslState state, JsonNode? effective, DateTimeOffset entered, int retryCount)
    {
        TaskTokenRegistration? registration = null;
        string? token = null;
        if (state.WaitForTaskToken)
        {
            (token, registration) = _runner.IssueToken(this);
        }

        using var taskScope = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        try
        {
            var parameters = (JsonObject)state.Parameters!.Resolve(effective, Context(state, entered, retryCount, token));
            var functionName = parameters["FunctionName"] is JsonValue fn && fn.TryGetValue<string>(out var s) ? s : string.Empty;
            var payload = parameters["Payload"] ?? new JsonObject();
            AddEvent("TaskScheduled", state.Name, new JsonObject
            {
                ["resource"] = state.Resource,
                ["parameters"] = parameters.DeepClone(),
                ["timeoutInSeconds"] = state.TimeoutSeconds,
                ["heartbeatInSeconds"] = state.HeartbeatSeconds,
            });
            AddEvent("TaskStarted", state.Name, null);

            var timeout = state.TimeoutSeconds is { } t
                ? Task.Delay(TimeSpan.FromSeconds(t), _time, taskScope.Token)
                : WhenCancelled(taskScope.Token);
            var invocation = InvokeHandlerAsync(functionName, payload, taskScope.Token);
            await Task.WhenAny(invocation, timeout).ConfigureAwait(false);
            _stop.Token.ThrowIfCancellationRequested();
            if (!invocation.IsCompleted)
            {
                throw new StatesErrorException(StatesErrorNames.Timeout, $"The task '{state.Name}' ran longer than {state.TimeoutSeconds} s.");
            }

            var invokeResult = new JsonObject
            {
                ["ExecutedVersion"] = "$LATEST",
                ["Payload"] = await invocation.ConfigureAwait(false),
                ["StatusCode"] = 200,
            };
            if (registration is null)
            {
                AddEvent("TaskSucceeded", state.Name, invokeResult);
                return invokeResult;
            }

            AddEvent("TaskSubmitted", state.Name, invokeResult);
            var output = await WaitForTokenAsync(state, registration, timeout, taskScope.Token).ConfigureAwait(false);
            AddEvent("TaskSucceeded", state.Name, output);
            return output;
        }
        catch (StatesErrorException ex)
        {
            var type = ex.Error is StatesErrorNames.Timeout or StatesErrorNames.HeartbeatTimeout ? "TaskTimedOut" : "TaskFailed";
            AddEvent(type, state.Name, new JsonObject { ["error"] = ex.Error, ["cause"] = ex.Cause });
            throw;
        }
        finally
        {
            registration?.Close();
            await taskScope.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<JsonNode?> WaitForTokenAsync(AslState state, TaskTokenRegistration registration, Task timeout, CancellationToken taskToken)
    {
        while (true)
        {
            var heartbeatSignal = registration.Heartbeat;
            using var beatScope = CancellationTokenSource.CreateLinkedTokenSource(taskToken);
            var heartbeatDeadline = state.HeartbeatSeconds is { } h
                ? Task.Delay(TimeSpan.FromSeconds(h), _time, beatScope.Token)
                : WhenCancelled(beatScope.Token);
            await Task.WhenAny(registration.Outcome, timeout, heartbeatDeadline, heartbeatSignal).ConfigureAwait(false);
            await beatScope.CancelAsync().ConfigureAwait(false);
            _stop.Token.ThrowIfCancellationRequested();
            if (registration.Outcome.IsCompleted)
            {
                return await registration.Outcome.ConfigureAwait(false);
            }

            if (timeout.IsCompleted)
            {
                throw new StatesErrorException(StatesErrorNames.Timeout, $"No task success or failure for '{state.Name}' within {state.TimeoutSeconds} s.");
            }

            if (heartbeatDeadline.IsCompletedSuccessfully)
            {
                throw new StatesErrorException(StatesErrorNames.HeartbeatTimeout, $"No heartbeat for '{state.Name}' within {state.HeartbeatSeconds} s.");
            }
        }
    }

    private async Task<JsonNode?> InvokeHandlerAsync(string functionName, JsonNode payload, CancellationToken cancellationToken)
    {
        if (!_runner.TryGetFunction(functionName, out var handler))
        {
            throw new StatesErrorException(StatesErrorNames.LambdaResourceNotFound, $"Function not found: {functionName}");
        }

        try
        {
            var result = await handler(payload, cancellationToken).ConfigureAwait(false);
            return result?.DeepClone();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (WorkflowTaskException ex)
        {
            throw new StatesErrorException(ex.Error, ex.Message);
        }
#pragma warning disable CA1031 // Any handler exception is a Lambda function error, reported by its type name.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var errorType = ex.GetType().Name;
            var cause = new JsonObject { ["errorMessage"] = ex.Message, ["errorType"] = errorType, ["stackTrace"] = new JsonArray() };
            throw new StatesErrorException(errorType, cause.ToJsonString());
        }
    }

    private TimeSpan WaitDuration(AslState state, JsonNode? input)
    {
        if (state.Seconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (state.Timestamp is { } at)
        {
            return Until(at);
        }

        if (state.SecondsPath is { } secondsPath)
        {
            if (secondsPath.TryEvaluate(input, out var value) && value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                && v.TryGetValue<long>(out var s) && s >= 0)
            {
                return TimeSpan.FromSeconds(s);
            }

            throw StatesErrorException.Runtime($"SecondsPath '{secondsPath.Text}' does not point to a non-negative integer.");
        }

        var timestampPath = state.TimestampPath!;
        if (timestampPath.TryEvaluate(input, out var node) && node is JsonValue tv && tv.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return Until(timestamp);
        }

        throw StatesErrorException.Runtime($"TimestampPath '{timestampPath.Text}' does not point to an ISO 8601 timestamp.");
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var span = at - _time.GetUtcNow();
        return span > TimeSpan.Zero ? span : TimeSpan.Zero;
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);

    private static Task WhenCancelled(CancellationToken cancellationToken)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        return source.Task;
    }

    private static JsonNode? ApplyPath(JsonPathExpression? path, JsonNode? input, string field)
    {
        if (path is null)
        {
            return new JsonObject();
        }

        if (path.IsRoot)
        {
            return input;
        }

        if (path.TryEvaluate(input, out var value))
        {
            return value?.DeepClone();
        }

        throw StatesErrorException.Runtime($"Invalid path '{path.Text}' in {field}: the path does not exist in the input.");
    }

    private JsonObject Context(AslState state, DateTimeOffset entered, int retryCount, string? token)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = Arn,
                ["Input"] = JsonNode.Parse(InputJson),
                ["Name"] = Name,
                ["StartTime"] = Iso(StartDate),
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Iso(entered),
                ["Name"] = state.Name,
                ["RetryCount"] = retryCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = StateMachine.Arn,
                ["Name"] = StateMachine.Name,
            },
        };
        if (token is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = token };
        }

        return context;
    }

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void AddEvent(string type, string? stateName, JsonNode? details)
    {
        lock (_gate)
        {
            _stop.Token.ThrowIfCancellationRequested();
            if (_status != ExecutionStatuses.Running)
            {
                throw new OperationCanceledException("The execution has ended.");
            }

            // One slot stays free for the ExecutionFailed event that reports the cap.
            if (_events.Count >= _maxEvents - 1)
            {
                throw new HistoryCapReachedException();
            }

            AppendLocked(type, stateName, details);
        }
    }

    private void AppendLocked(string type, string? stateName, JsonNode? details)
    {
        _events.Add(new WorkflowHistoryEvent(_events.Count + 1, type, _time.GetUtcNow(), stateName, details?.ToJsonString()));
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private bool TryClose(string status, string? output, string? error, string? cause, string eventType)
    {
        List<TaskTokenRegistration> tokens;
        lock (_gate)
        {
            if (_status != ExecutionStatuses.Running)
            {
                return false;
            }

            _status = status;
            _stopDate = _time.GetUtcNow();
            _output = output;
            _error = error;
            _cause = cause;
            var details = status == ExecutionStatuses.Succeeded
                ? new JsonObject { ["output"] = output is null ? null : JsonNode.Parse(output) }
                : new JsonObject { ["error"] = error, ["cause"] = cause };
            AppendLocked(eventType, null, details);
            tokens = [.. _tokens];
        }

        foreach (var token in tokens)
        {
            token.Close();
        }

        _completed.TrySetResult();
        return true;
    }

    private sealed class HistoryCapReachedException : Exception;
}
