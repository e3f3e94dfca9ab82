using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>
/// The aws-json protocol (Step Functions 1.0, EventBridge 1.1): every call is POST / with the
/// operation in X-Amz-Target and the input as the JSON body.
/// </summary>
internal sealed class AwsJsonProtocol(AwsWireClient wire, string targetPrefix, string jsonVersion)
{
    public string Region => wire.Region;

    public async Task<TOut> InvokeAsync<TIn, TOut>(AwsJsonOperation operation, TIn input, JsonTypeInfo<TIn> inputType, JsonTypeInfo<TOut> outputType, CancellationToken cancellationToken)
        where TOut : class
    {
        if (operation.OutputType != typeof(TOut))
        {
            throw new InvalidOperationException($"{operation.Name} is declared to answer {operation.OutputType.Name}, not {typeof(TOut).Name}.");
        }

        var request = new WireRequest(
            operation.Name,
            HttpMethod.Post,
            "/",
            JsonSerializer.SerializeToUtf8Bytes(input, inputType),
            $"application/x-amz-json-{jsonVersion}",
            Headers: new Dictionary<string, string> { ["X-Amz-Target"] = $"{targetPrefix}.{operation.Name}" });
        var response = await wire.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = response.Body.Length == 0 ? "{}"u8.ToArray() : response.Body;
        return JsonSerializer.Deserialize(body, outputType) ?? throw new FormatException($"{operation.Name} returned null.");
    }
}
