using System.Net;
using System.Text;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

/// <summary>Keeps each request as the client put it on the wire and answers with what the test set; nothing leaves the process.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Url, Dictionary<string, string> Headers, byte[] Body)> Requests { get; } = [];

    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;

    public string Body { get; set; } = string.Empty;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add((request.Method, request.RequestUri!, headers, body));
        return new HttpResponseMessage(Status) { Content = new StringContent(Body, Encoding.UTF8, "text/xml") };
    }
}
