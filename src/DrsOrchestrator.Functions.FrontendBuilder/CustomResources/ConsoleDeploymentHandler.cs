using System.Globalization;
using DrsOrchestrator.Functions.FrontendBuilder.Publishing;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>
/// Turns one CloudFormation request into exactly one answer at its ResponseURL, whatever happens in
/// between: bad properties, an S3 or CloudFront error, a timeout or a misconfigured function all
/// become FAILED with a reason, so a stack never waits out CloudFormation's hour.
/// </summary>
internal sealed class ConsoleDeploymentHandler
{
    public const string ResourceType = "Custom::ConsoleDeployment";

    private readonly ConsolePublisher? publisher;
    private readonly string? configurationError;
    private readonly CustomResourceResponder responder;
    private readonly TimeSpan publishTimeout;
    private readonly TimeProvider time;
    private readonly TextWriter log;
    private readonly string? logStream;

    private ConsoleDeploymentHandler(
        ConsolePublisher? publisher, string? configurationError, CustomResourceResponder responder, TimeSpan publishTimeout,
        TimeProvider time, TextWriter log, string? logStream)
    {
        this.publisher = publisher;
        this.configurationError = configurationError;
        this.responder = responder;
        this.publishTimeout = publishTimeout;
        this.time = time;
        this.log = log;
        this.logStream = logStream;
    }

    /// <param name="publishTimeout">Less than the function's timeout, so a FAILED answer still goes out when publishing hangs.</param>
    /// <param name="logStream">Named in failure reasons so the operator finds the details from the CloudFormation console.</param>
    public static ConsoleDeploymentHandler Ready(
        ConsolePublisher publisher, CustomResourceResponder responder, TimeSpan publishTimeout, TimeProvider time, TextWriter log, string? logStream = null) =>
        new(publisher, null, responder, publishTimeout, time, log, logStream);

    /// <summary>Settings were invalid at startup: answer FAILED to Create/Update (and still let Delete succeed) instead of crashing unanswered.</summary>
    public static ConsoleDeploymentHandler Misconfigured(string error, CustomResourceResponder responder, TimeProvider time, TextWriter log, string? logStream = null) =>
        new(null, error, responder, TimeSpan.Zero, time, log, logStream);

    public async Task<CustomResourceResponse> HandleAsync(CustomResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.ResponseUrl, UriKind.Absolute, out var responseUrl))
        {
            // Nobody can be told; fail loudly so the invocation is logged as an error.
            throw new CustomResourceResponseException("The request has no ResponseURL, so CloudFormation cannot be answered.");
        }

        CustomResourceResponse response;
        try
        {
            response = await DecideAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"{request.RequestType} {request.LogicalResourceId} failed: {e}").ConfigureAwait(false);
            response = Failed(request, e is ConsoleDeploymentException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }

        await log.WriteLineAsync($"{request.RequestType} {request.LogicalResourceId} -> {response.Status} {response.PhysicalResourceId}").ConfigureAwait(false);
        await responder.SendAsync(responseUrl, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    private async Task<CustomResourceResponse> DecideAsync(CustomResourceRequest request, CancellationToken cancellationToken)
    {
        switch (request.RequestType)
        {
            case CustomResourceRequestTypes.Delete:
                // Nothing is removed: see README.md beside this project (the bucket outlives the resource by design).
                return Succeeded(request, request.PhysicalResourceId ?? FallbackPhysicalId(request), null);
            case CustomResourceRequestTypes.Create or CustomResourceRequestTypes.Update:
                break;
            default:
                return Failed(request, $"Unknown RequestType '{request.RequestType}'.");
        }

        if (configurationError is not null || publisher is null)
        {
            return Failed(request, "The frontend builder function is misconfigured: " + configurationError);
        }

        if (request.ResourceType != ResourceType)
        {
            return Failed(request, $"This function handles {ResourceType}, not '{request.ResourceType}'.");
        }

        var spec = ConsoleDeploymentSpec.From(request.ResourceProperties);
        using var deadline = new CancellationTokenSource(publishTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        PublishResult result;
        try
        {
            result = await publisher.PublishAsync(spec, request.RequestId ?? spec.BundleHash, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ConsoleDeploymentException($"Publishing the console did not finish within {publishTimeout.TotalSeconds:0} s.");
        }

        return Succeeded(request, spec.PhysicalResourceId, new Dictionary<string, string>
        {
            ["BundleHash"] = spec.BundleHash,
            ["FilesUploaded"] = result.FilesUploaded.ToString(CultureInfo.InvariantCulture),
            ["FilesDeleted"] = result.FilesDeleted.ToString(CultureInfo.InvariantCulture),
            ["InvalidationId"] = result.InvalidationId,
        });
    }

    private static CustomResourceResponse Succeeded(CustomResourceRequest request, string physicalId, IReadOnlyDictionary<string, string>? data) =>
        new(CustomResourceResponse.Success, null, physicalId, request.StackId, request.RequestId, request.LogicalResourceId, data);

    /// <summary>
    /// A failed Update keeps the resource's existing id (a new one would read as a replacement); a
    /// failed Create needs some id, and the Delete that rollback then sends succeeds for it.
    /// </summary>
    private CustomResourceResponse Failed(CustomResourceRequest request, string reason) =>
        new(CustomResourceResponse.Failed,
            logStream is null ? reason : $"{reason} (log stream: {logStream})",
            request.PhysicalResourceId ?? FallbackPhysicalId(request),
            request.StackId, request.RequestId, request.LogicalResourceId, null);

    private static string FallbackPhysicalId(CustomResourceRequest request) =>
        $"console-not-created-{request.LogicalResourceId ?? "ConsoleDeployment"}";
}
