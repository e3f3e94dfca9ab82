using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that records every request and answers as the test says: it stands
/// in for CloudFormation's pre-signed response URL and for CloudFront's endpoint.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();

    public LoopbackHttpServer()
    {
        // HttpListener needs a concrete port: borrow a free one from the OS.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Chooses status, content type and body per request; 200 with an empty body when unset.</summary>
    public Func<ReceivedRequest, (int Status, string ContentType, string Body)>? Responder { get; set; }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var received = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body.ToArray());
            Requests.Enqueue(received);

            var (status, contentType, text) = Responder?.Invoke(received) ?? (200, "text/plain", string.Empty);
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        listener.Close();
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}
