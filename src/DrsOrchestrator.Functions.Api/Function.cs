using System.Text.Json;
using DrsOrchestrator.Functions.Api.Hosting;
using DrsOrchestrator.Functions.Api.Pipeline;

namespace DrsOrchestrator.Functions.Api;

/// <summary>
/// The Lambda entry point (managed dotnet10 runtime, Stream in and out):
/// <c>DrsOrchestrator.Functions.Api::DrsOrchestrator.Functions.Api.Function::HandleAsync</c>.
/// </summary>
public sealed class Function
{
    private readonly ApiPipeline pipeline;

    /// <summary>Used by the Lambda runtime: settings from environment variables, validated now.</summary>
    public Function()
        : this(ApiComposition.Build(ApiSettings.FromEnvironment(Environment.GetEnvironmentVariable), Console.Out))
    {
    }

    public Function(ApiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        this.pipeline = pipeline;
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ApiGatewayProxyResponse response;
        var proxy = await JsonSerializer.DeserializeAsync(input, ProxyJsonContext.Default.ApiGatewayProxyRequest).ConfigureAwait(false);
        if (proxy is null)
        {
            throw new InvalidOperationException("The invocation payload is not an API Gateway proxy event.");
        }

        var request = ApiGatewayEvents.ToRequest(proxy);
        response = ApiGatewayEvents.ToProxyResponse(await pipeline.HandleAsync(request).ConfigureAwait(false));
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, response, ProxyJsonContext.Default.ApiGatewayProxyResponse).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }
}
