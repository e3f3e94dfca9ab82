using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace DrsOrchestrator.Aws.Tests.Wire;

/// <summary>Answers each attempt from a script, in order, and keeps what was sent: the network for unit tests of the retry loop.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> script = new();

    public List<HttpRequestMessage> Requests { get; } = [];

    public ScriptedHandler Then(HttpStatusCode status, string body = "{}", params (string Name, string Value)[] headers)
    {
        script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception)
    {
        script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>An attempt that answers after a real-time pause (a slow service), unless cancelled first.</summary>
    public ScriptedHandler ThenAfter(TimeSpan realDelay, HttpStatusCode status, string body = "{}")
    {
        script.Enqueue(async (_, ct) =>
        {
            await Task.Delay(realDelay, TimeProvider.System, ct);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        return this;
    }

    /// <summary>An attempt that never answers: only its cancellation ends it.</summary>
    public ScriptedHandler ThenHang()
    {
        script.Enqueue(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return script.TryDequeue(out var next)
            ? next(request, cancellationToken)
            : throw new InvalidOperationException($"No scripted answer left for attempt {Requests.Count}.");
    }
}
