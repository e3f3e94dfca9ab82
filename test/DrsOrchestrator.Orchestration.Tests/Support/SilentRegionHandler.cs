namespace DrsOrchestrator.Orchestration.Tests.Support;

/// <summary>
/// Passes requests through to the simulator, except those signed for <paramref name="region"/>, which never get
/// an answer: with a short <see cref="HttpClient.Timeout"/> they end as a transport timeout (a
/// <see cref="TaskCanceledException"/> the caller did not ask for), as an unreachable regional endpoint would.
/// </summary>
internal sealed class SilentRegionHandler(string region) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The SigV4 credential scope names the region: Credential=KEY/yyyymmdd/<region>/<service>/aws4_request.
        if (request.Headers.TryGetValues("Authorization", out var values) && values.Any(v => v.Contains($"/{region}/", StringComparison.Ordinal)))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
