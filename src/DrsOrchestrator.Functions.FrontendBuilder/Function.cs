using System.Text.Json;
using DrsOrchestrator.Functions.FrontendBuilder.CustomResources;
using DrsOrchestrator.Functions.FrontendBuilder.Hosting;

namespace DrsOrchestrator.Functions.FrontendBuilder;

/// <summary>
/// The <c>Custom::ConsoleDeployment</c> Lambda: publishes the console bundle and aws-config.json and
/// invalidates CloudFront. Handler string:
/// <c>DrsOrchestrator.Functions.FrontendBuilder::DrsOrchestrator.Functions.FrontendBuilder.Function::HandleAsync</c>.
/// </summary>
public sealed class Function
{
    private static readonly Lazy<ConsoleDeploymentHandler> Shared = new(() =>
        FrontendBuilderComposition.FromEnvironment(Environment.GetEnvironmentVariable, TimeProvider.System, Console.Out));

    private readonly ConsoleDeploymentHandler handler;

    public Function()
        : this(Shared.Value)
    {
    }

    internal Function(ConsoleDeploymentHandler handler) => this.handler = handler;

    /// <returns>The answer sent to CloudFormation (the runtime ignores it for asynchronous invokes; it helps in logs and tests).</returns>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CustomResourceRequest request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(input, FrontendBuilderJsonContext.Default.CustomResourceRequest).ConfigureAwait(false)
                ?? throw new CustomResourceResponseException("The event is empty.");
        }
        catch (JsonException e)
        {
            throw new CustomResourceResponseException("The event is not a CloudFormation custom resource request: " + e.Message);
        }

        var response = await handler.HandleAsync(request, CancellationToken.None).ConfigureAwait(false);
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, FrontendBuilderJsonContext.Default.CustomResourceResponse));
    }
}
