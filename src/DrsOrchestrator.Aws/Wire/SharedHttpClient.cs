namespace DrsOrchestrator.Aws.Wire;

/// <summary>One pooled client per process: Lambda reuses it across invocations, and pooled connections are recycled so DNS changes are seen.</summary>
internal static class SharedHttpClient
{
    public static HttpClient Instance { get; } = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        // Each attempt carries its own timeout (AwsClientOptions.AttemptTimeout).
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
