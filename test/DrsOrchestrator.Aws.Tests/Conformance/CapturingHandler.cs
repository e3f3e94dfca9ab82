using System.Net;
using System.Text;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>Keeps every request exactly as the client put it on the wire and answers with the body the test set.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    public List<CapturedRequest> Requests { get; } = [];

    public string AnswerBody { get; set; } = "{}";

    public string AnswerContentType { get; set; } = "application/json";

    public HttpStatusCode AnswerStatus { get; set; } = HttpStatusCode.OK;

    /// <summary>When set, chooses the answer body per request (e.g. one page after another).</summary>
    public Func<CapturedRequest, string>? Responder { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var captured = new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body);
        Requests.Add(captured);
        var answer = Responder?.Invoke(captured) ?? AnswerBody;
        return new HttpResponseMessage(AnswerStatus) { Content = new StringContent(answer, Encoding.UTF8, AnswerContentType) };
    }
}
