using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace DrsOrchestrator.Workflow.Tests.Support;

/// <summary>A Lambda handler that hands each task token it receives to the test.</summary>
internal sealed class TokenCapture
{
    private readonly Channel<string> _tokens = Channel.CreateUnbounded<string>();

    public Task<JsonNode> Handle(JsonNode payload, CancellationToken cancellationToken)
    {
        _tokens.Writer.TryWrite(payload["token"]!.GetValue<string>());
        return Task.FromResult<JsonNode>(new JsonObject());
    }

    public async Task<string> NextTokenAsync()
    {
        using var cancellation = new CancellationTokenSource(RunnerHarness.Patience);
        return await _tokens.Reader.ReadAsync(cancellation.Token);
    }
}
