using System.Text.Json;
using DrsOrchestrator.Functions.Orchestration.Hosting;
using DrsOrchestrator.Workflow.Contract;

namespace DrsOrchestrator.Functions.Orchestration;

/// <summary>
/// The orchestration Lambda (managed dotnet10 runtime, Stream in and out). Handler string:
/// <c>DrsOrchestrator.Functions.Orchestration::DrsOrchestrator.Functions.Orchestration.Function::HandleAsync</c>.
/// </summary>
public sealed class Function
{
    private static readonly Lazy<OrchestrationHandler> Shared = new(() =>
        new OrchestrationHandler(EngineComposition.Create(EngineSettings.FromEnvironment(Environment.GetEnvironmentVariable), TimeProvider.System)));

    private readonly OrchestrationHandler _handler;

    /// <summary>The runtime's constructor: configuration from the environment, built once per container.</summary>
    public Function()
        : this(Shared.Value)
    {
    }

    public Function(OrchestrationHandler handler)
    {
        _handler = handler;
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var task = await JsonSerializer.DeserializeAsync(input, OrchestrationJsonContext.Default.OrchestrationTaskInput).ConfigureAwait(false)
            ?? throw new ArgumentException("The task payload is empty.", nameof(input));
        var result = await _handler.HandleAsync(task, CancellationToken.None).ConfigureAwait(false);
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, result, OrchestrationJsonContext.Default.OrchestrationStepResult).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }
}
