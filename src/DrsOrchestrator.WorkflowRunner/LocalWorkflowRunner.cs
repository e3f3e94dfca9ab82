using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrsOrchestrator.Domain.Ports.Workflow;
using DrsOrchestrator.WorkflowRunner.Asl;

namespace DrsOrchestrator.WorkflowRunner;

/// <summary>
/// Runs Amazon States Language definitions in process, behind the same <see cref="IWorkflowClient"/>
/// port as Step Functions. Lambda tasks call handlers registered by function name or ARN; waits and
/// timeouts run on the injected <see cref="TimeProvider"/>, so a virtual clock drives them.
/// </summary>
/// <remarks>
/// Load the definition exactly as deployed: <see cref="CreateStateMachine"/> applies the same
/// <c>${Name}</c> substitutions CloudFormation would, then rejects anything it cannot run faithfully.
/// </remarks>
public sealed partial class LocalWorkflowRunner : IWorkflowClient, IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly LocalWorkflowRunnerOptions _options;
    private readonly ConcurrentDictionary<string, Func<JsonNode, CancellationToken, Task<JsonNode>>> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalStateMachine> _stateMachines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalExecution> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskTokenRegistration> _tokens = new(StringComparer.Ordinal);
    private readonly object _startGate = new();

    public LocalWorkflowRunner(TimeProvider timeProvider, LocalWorkflowRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _options = options ?? new LocalWorkflowRunnerOptions();
        if (_options.MaxHistoryEvents < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxHistoryEvents, "MaxHistoryEvents must be at least 2.");
        }
    }

    /// <summary>Binds a Lambda function name or ARN (as it appears after substitution) to an in-process handler.</summary>
    public void RegisterFunction(string functionName, Func<JsonNode, CancellationToken, Task<JsonNode>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(handler);
        _functions[functionName] = handler;
    }

    /// <summary>Parses and validates a definition without binding it: the load-time check on its own.</summary>
    /// <exception cref="AslValidationException">The definition is invalid or uses something the runner does not support.</exception>
    public static void Validate(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        _ = AslDefinition.Parse(definitionJson);
    }

    /// <summary>
    /// Loads a definition, substituting <c>${Key}</c> like CloudFormation's DefinitionSubstitutions,
    /// and checks that every task's function is registered.
    /// </summary>
    /// <returns>The state machine ARN to start executions with.</returns>
    /// <exception cref="AslValidationException">Unsupported or invalid definition, unsubstituted placeholder, or unbound function.</exception>
    public string CreateStateMachine(string name, string definitionJson, IReadOnlyDictionary<string, string>? substitutions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(definitionJson);
        var text = definitionJson;
        foreach (var (key, value) in substitutions ?? new Dictionary<string, string>())
        {
            text = text.Replace("${" + key + "}", value, StringComparison.Ordinal);
        }

        var leftovers = Placeholder().Matches(text).Select(m => m.Value).Distinct().ToList();
        if (leftovers.Count > 0)
        {
            throw new AslValidationException(leftovers.Select(p => $"Placeholder {p} has no substitution.").ToList());
        }

        var definition = AslDefinition.Parse(text);
        var unbound = FunctionNames(text).Where(f => !_functions.ContainsKey(f)).Distinct().ToList();
        if (unbound.Count > 0)
        {
            throw new AslValidationException(unbound.Select(f => $"Function '{f}' has no registered handler.").ToList());
        }

        var arn = $"arn:aws:states:{_options.Region}:{_options.AccountId}:stateMachine:{name}";
        _stateMachines[arn] = new LocalStateMachine(name, arn, definition);
        return arn;
    }

    public Task<WorkflowExecutionRef> StartExecutionAsync(string stateMachineArn, string name, string inputJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_stateMachines.TryGetValue(stateMachineArn, out var stateMachine))
        {
            throw new WorkflowClientException("StateMachineDoesNotExist", $"State machine does not exist: {stateMachineArn}");
        }

        try
        {
            _ = JsonNode.Parse(inputJson);
        }
        catch (JsonException ex)
        {
            throw new WorkflowClientException("InvalidExecutionInput", "The input is not valid JSON: " + ex.Message);
        }

        var arn = $"arn:aws:states:{_options.Region}:{_options.AccountId}:execution:{stateMachine.Name}:{name}";
        LocalExecution execution;
        lock (_startGate)
        {
            if (_executions.TryGetValue(arn, out var existing))
            {
                // The service's idempotency rule: same name and input while running returns the same run.
                if (existing.Status == ExecutionStatuses.Running && existing.InputJson == inputJson)
                {
                    return Task.FromResult(new WorkflowExecutionRef(arn, existing.StartDate));
                }

                throw new WorkflowClientException(WorkflowErrors.ExecutionAlreadyExists, $"Execution already exists: {arn}");
            }

            execution = new LocalExecution(this, stateMachine, arn, name, inputJson, _time, _options);
            _executions[arn] = execution;
        }

        execution.Start();
        return Task.FromResult(new WorkflowExecutionRef(arn, execution.StartDate));
    }

    public Task StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken cancellationToken)
    {
        Find(executionArn).Abort(error, cause);
        return Task.CompletedTask;
    }

    public Task<WorkflowExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken) =>
        Task.FromResult(Find(executionArn).Describe());

    public Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken)
    {
        var registration = FindToken(taskToken);
        JsonNode? output;
        try
        {
            output = JsonNode.Parse(outputJson);
        }
        catch (JsonException ex)
        {
            throw new WorkflowClientException("InvalidOutput", "The output is not valid JSON: " + ex.Message);
        }

        if (!registration.TrySucceed(output))
        {
            throw TaskTimedOut();
        }

        return Task.CompletedTask;
    }

    public Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken)
    {
        if (!FindToken(taskToken).TryFail(error, cause))
        {
            throw TaskTimedOut();
        }

        return Task.CompletedTask;
    }

    public Task SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken)
    {
        if (!FindToken(taskToken).TryHeartbeat())
        {
            throw TaskTimedOut();
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits (in real time) until the run has ended and returns its final description.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/>.</exception>
    public async Task<WorkflowExecutionDescription> WaitForCompletionAsync(string executionArn, TimeSpan timeout)
    {
        var execution = Find(executionArn);
        try
        {
            await execution.Completion.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Execution {executionArn} still {execution.Status} after {timeout}; last events: "
                + string.Join(", ", execution.History().TakeLast(5).Select(e => $"{e.Type}({e.StateName})")), ex);
        }

        return execution.Describe();
    }

    /// <summary>Waits (in real time) for the first history event that matches; lets a test act at a precise point of a run.</summary>
    public async Task<WorkflowHistoryEvent> WaitForHistoryEventAsync(string executionArn, Func<WorkflowHistoryEvent, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await Find(executionArn).WaitForEventAsync(predicate, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching history event in {executionArn} within {timeout}.", ex);
        }
    }

    public IReadOnlyList<WorkflowHistoryEvent> GetExecutionHistory(string executionArn) => Find(executionArn).History();

    /// <summary>Executions of one state machine, optionally only those in <paramref name="status"/> (see <see cref="ExecutionStatuses"/>).</summary>
    public IReadOnlyList<WorkflowExecutionDescription> ListExecutions(string stateMachineArn, string? status = null) =>
        _executions.Values
            .Where(e => e.StateMachine.Arn == stateMachineArn)
            .Select(e => e.Describe())
            .Where(d => status is null || d.Status == status)
            .OrderBy(d => d.StartDate)
            .ThenBy(d => d.ExecutionArn, StringComparer.Ordinal)
            .ToList();

    /// <summary>Aborts every run still going, so no background task or timer outlives the runner.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = _executions.Values.ToList();
        foreach (var execution in running)
        {
            execution.Abort("RunnerDisposed", "The local workflow runner was disposed.");
        }

        await Task.WhenAll(running.Select(e => e.Completion)).ConfigureAwait(false);
    }

    internal (string Token, TaskTokenRegistration Registration) IssueToken(LocalExecution execution)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96));
        var registration = new TaskTokenRegistration(execution);
        _tokens[token] = registration;
        execution.Track(registration);
        return (token, registration);
    }

    internal bool TryGetFunction(string functionName, out Func<JsonNode, CancellationToken, Task<JsonNode>> handler) =>
        _functions.TryGetValue(functionName, out handler!);

    private static IEnumerable<string> FunctionNames(string definitionJson)
    {
        var states = JsonNode.Parse(definitionJson)!["States"]!.AsObject();
        foreach (var (_, state) in states)
        {
            if (state?["Parameters"]?["FunctionName"] is JsonValue name && name.TryGetValue<string>(out var text))
            {
                yield return text;
            }
        }
    }

    private LocalExecution Find(string executionArn) =>
        _executions.TryGetValue(executionArn, out var execution)
            ? execution
            : throw new WorkflowClientException(WorkflowErrors.ExecutionDoesNotExist, $"Execution does not exist: {executionArn}");

    private TaskTokenRegistration FindToken(string taskToken) =>
        _tokens.TryGetValue(taskToken ?? string.Empty, out var registration)
            ? registration
            : throw new WorkflowClientException(WorkflowErrors.InvalidToken, "Invalid token.");

    private static WorkflowClientException TaskTimedOut() =>
        new(WorkflowErrors.TaskTimedOut, "Task Timed Out: the task of this token has already ended.");

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Placeholder();
}
