using System.Net;
using System.Text.Json;

namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

/// <summary>
/// PUTs the outcome to CloudFormation's pre-signed S3 URL. Without this answer the stack waits an hour
/// before it fails, so transient failures are retried; a refused URL (4xx: expired or tampered) is not.
/// </summary>
internal sealed class CustomResourceResponder(HttpClient http, TimeProvider time, int maxAttempts = 4)
{
    /// <summary>CloudFormation rejects response bodies over 4,096 bytes; the reason is what gets cut.</summary>
    public const int MaxBodyBytes = 4096;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public async Task SendAsync(Uri responseUrl, CustomResourceResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var body = Serialize(response);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                // No Content-Type: the URL was signed without one, and S3 checks it.
                using var request = new HttpRequestMessage(HttpMethod.Put, responseUrl) { Content = new ByteArrayContent(body) };
                using var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }

                failure = $"HTTP {(int)answer.StatusCode}";
                if ((int)answer.StatusCode is >= 400 and < 500 && answer.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new CustomResourceResponseException($"CloudFormation's response URL refused the answer ({failure}).");
                }
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timed out: " + e.Message;
            }

            if (attempt >= maxAttempts)
            {
                throw new CustomResourceResponseException($"CloudFormation's response URL was not reached after {attempt} attempts (last: {failure}).");
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    /// <summary>Serializes, shortening the reason until the body fits CloudFormation's limit.</summary>
    internal static byte[] Serialize(CustomResourceResponse response)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(response, FrontendBuilderJsonContext.Default.CustomResourceResponse);
        var reason = response.Reason ?? string.Empty;
        while (body.Length > MaxBodyBytes && reason.Length > 0)
        {
            reason = reason[..Math.Max(0, reason.Length - (body.Length - MaxBodyBytes) - 16)];
            response = response with { Reason = reason + " [truncated]" };
            body = JsonSerializer.SerializeToUtf8Bytes(response, FrontendBuilderJsonContext.Default.CustomResourceResponse);
        }

        return body;
    }
}
