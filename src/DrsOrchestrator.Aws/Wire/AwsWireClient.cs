using System.Net.Http.Headers;
using DrsOrchestrator.Domain.Ports.Drs;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>
/// Sends signed requests to one service in one region with retries. Protocol clients (rest-json,
/// aws-json, EC2 query) build the <see cref="WireRequest"/> and read the body; this class owns
/// signing, timeouts, retry policy and turning error answers into typed exceptions.
/// </summary>
internal sealed class AwsWireClient(
    AwsService service,
    string region,
    IAwsCredentialSource credentials,
    AwsClientOptions options,
    IAwsErrorParser errorParser)
{
    private readonly SigV4Signer signer = new(service);

    public string Region { get; } = region;

    public async Task<WireResponse> SendAsync(WireRequest request, CancellationToken cancellationToken)
    {
        var retry = options.EffectiveRetry;
        var endpoint = service.EndpointFor(Region, options.ServiceUrl);
        for (var attempt = 1; ; attempt++)
        {
            AwsErrorInfo error;
            try
            {
                var response = await SendOnceAsync(request, endpoint, cancellationToken).ConfigureAwait(false);
                if ((int)response.StatusCode is >= 200 and < 300)
                {
                    return response;
                }

                error = errorParser.Parse(response);
            }
            catch (AttemptFailedException failure)
            {
                error = failure.Error;
            }

            var delay = NextDelay(request, error, attempt, retry);
            if (delay is null)
            {
                throw AwsErrorClassifier.ToException(service.SigningName, error);
            }

            await Task.Delay(delay.Value, options.EffectiveDelayTimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan? NextDelay(WireRequest request, AwsErrorInfo error, int attempt, RetryOptions retry)
    {
        if (attempt >= retry.MaxAttempts || !AwsErrorClassifier.IsRetryable(error))
        {
            return null;
        }

        if (!request.Idempotent && !AwsErrorClassifier.IsThrottling(error))
        {
            // A throttled call was refused before it ran; any other failure may hide a started job.
            return null;
        }

        if (error.RetryAfter is { } hint)
        {
            // Waiting longer than the policy allows would hold a Lambda for nothing; the caller reschedules.
            return hint <= retry.EffectiveMaxDelay ? hint : null;
        }

        return Backoff.FullJitter(attempt, retry, options.EffectiveRandom);
    }

    private async Task<WireResponse> SendOnceAsync(WireRequest request, Uri endpoint, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(options.EffectiveAttemptTimeout, options.EffectiveDelayTimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            var creds = await credentials.GetCredentialsAsync(linked.Token).ConfigureAwait(false);
            var signed = signer.Sign(request, endpoint, Region, creds, options.EffectiveTimeProvider.GetUtcNow());
            using var message = new HttpRequestMessage(request.Method, signed.Url);
            if (request.Body.Length > 0 || request.Method != HttpMethod.Get)
            {
                message.Content = new ByteArrayContent(request.Body);
            }

            foreach (var (name, value) in signed.Headers)
            {
                if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    message.Content ??= new ByteArrayContent(request.Body);
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                    continue;
                }

                message.Headers.TryAddWithoutValidation(name, value);
            }

            message.Headers.UserAgent.ParseAdd("drs-orchestrator/1.0");
            using var response = await options.EffectiveHttpClient
                .SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            return new WireResponse(response.StatusCode, headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attemptTimeout.IsCancellationRequested)
        {
            throw new AttemptFailedException(new AwsErrorInfo(0, "RequestTimeout", $"no answer within {options.EffectiveAttemptTimeout}"));
        }
        catch (HttpRequestException e)
        {
            throw new AttemptFailedException(new AwsErrorInfo(0, "NetworkError", e.Message));
        }
    }

    /// <summary>A transport failure (timeout, refused connection) treated like a 5xx: retried, then surfaced.</summary>
    private sealed class AttemptFailedException(AwsErrorInfo error) : Exception(error.Message)
    {
        public AwsErrorInfo Error { get; } = error;
    }
}
