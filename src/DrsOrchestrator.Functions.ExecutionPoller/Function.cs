using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Functions.Orchestration.Hosting;

namespace DrsOrchestrator.Functions.ExecutionPoller;

/// <summary>
/// The execution poller Lambda: target of the DRS launch-result rules and of the finder's and tag sync's schedules.
/// Handler string: <c>DrsOrchestrator.Functions.ExecutionPoller::DrsOrchestrator.Functions.ExecutionPoller.Function::HandleAsync</c>.
/// </summary>
public sealed class Function
{
    private static readonly Lazy<PollerHandler> Shared = new(() =>
        PollerComposition.Create(EngineSettings.FromEnvironment(Environment.GetEnvironmentVariable), TimeProvider.System));

    private readonly PollerHandler _handler;

    public Function()
        : this(Shared.Value)
    {
    }

    public Function(PollerHandler handler)
    {
        _handler = handler;
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var node = await JsonNode.ParseAsync(input).ConfigureAwait(false) ?? throw new ArgumentException("The event is empty.", nameof(input));
        var result = await _handler.HandleAsync(node, CancellationToken.None).ConfigureAwait(false);
        var output = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false }))
        {
            result.WriteTo(writer);
        }

        output.Position = 0;
        return output;
    }
}
