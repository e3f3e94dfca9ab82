using System.Xml.Linq;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>EC2 query-protocol errors: &lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;... and the request id beside them.</summary>
internal sealed class Ec2XmlErrorParser : IAwsErrorParser
{
    public static Ec2XmlErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(WireResponse response)
    {
        var status = (int)response.StatusCode;
        string? code = null;
        string? message = null;
        string? requestId = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using var stream = new MemoryStream(response.Body);
                var document = XDocument.Load(stream);
                var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestID" or "RequestId")?.Value;
            }
            catch (System.Xml.XmlException)
            {
                // Not EC2's XML (e.g. a proxy page): fall back to the status code.
            }
        }

        return new AwsErrorInfo(
            status,
            string.IsNullOrWhiteSpace(code) ? JsonErrorParser.FallbackCode(status) : code,
            message ?? $"HTTP {status}",
            JsonErrorParser.RetryAfterFromHeader(response.Headers),
            RequestId: requestId);
    }
}
