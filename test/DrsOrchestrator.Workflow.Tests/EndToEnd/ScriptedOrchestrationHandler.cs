using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DrsOrchestrator.Workflow.Tests.Support;

namespace DrsOrchestrator.Workflow.Tests.EndToEnd;

/// <summary>
/// Stands in for the orchestration Lambda: every invocation is handed to the test, which checks the
/// action and scripts the answer. It owns no state, so each test reads as the conversation it proves.
/// </summary>
internal sealed class ScriptedOrchestrationHandler
{
    private readonly Channel<OrchestrationCall> _calls = Channel.CreateUnbounded<OrchestrationCall>();
    private readonly ConcurrentQueue<string> _actions = new();

    public IReadOnlyList<string> Actions => [.. _actions];

    public Task<JsonNode> HandleAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        var call = new OrchestrationCall(payload);
        _actions.Enqueue(call.Input.Action);
        _calls.Writer.TryWrite(call);
        return call.Response.WaitAsync(cancellationToken);
    }

    public async Task<OrchestrationCall> ExpectAsync(string action)
    {
        using var cancellation = new CancellationTokenSource(RunnerHarness.Patience);
        var call = await _calls.Reader.ReadAsync(cancellation.Token);
        Assert.Equal(action, call.Input.Action);
        return call;
    }

    public bool HasPendingCall => _calls.Reader.TryPeek(out _);
}
