using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrsOrchestrator.Simulator.Tests.Support;

/// <summary>Raw HTTP access to the simulator: signed DRS JSON calls and STS form posts.</summary>
internal sealed class SimulatorClient(Uri baseAddress, TestCredentials credentials, string region) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public static readonly DateTimeOffset SigningTime = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public async Task<SimResponse> CallAsync(string operation, object? body = null) =>
        await SendAsync(HttpMethod.Post, "/" + operation, body is null ? "{}" : JsonSerializer.Serialize(body)).ConfigureAwait(false);

    public async Task<SimResponse> SendAsync(HttpMethod method, string pathAndQuery, string? body, string service = "drs", string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, pathAndQuery.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        TestSigner.Sign(request, bytes, credentials, region, service, SigningTime);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new SimResponse(
            response.StatusCode,
            text,
            response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.First() : null,
            response.Headers.RetryAfter?.Delta);
    }

    public async Task<SimResponse> AssumeRoleAsync(string roleArn, string? externalId, string sessionName = "drs-orchestrator")
    {
        var form = $"Action=AssumeRole&Version=2011-06-15&RoleArn={Uri.EscapeDataString(roleArn)}&RoleSessionName={sessionName}"
            + (externalId is null ? "" : "&ExternalId=" + Uri.EscapeDataString(externalId));
        return await SendAsync(HttpMethod.Post, "/", form, "sts", "application/x-www-form-urlencoded").ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record SimResponse(HttpStatusCode Status, string Body, string? ErrorType, TimeSpan? RetryAfter)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
