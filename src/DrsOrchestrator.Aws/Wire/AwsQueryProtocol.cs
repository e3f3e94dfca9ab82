using System.Text;
using System.Xml.Linq;

namespace DrsOrchestrator.Aws.Wire;

/// <summary>
/// The AWS query protocol (EC2, IAM): every call is a form-encoded POST / with Action and Version, answered
/// in XML. Errors are XML too and are read by <see cref="Ec2XmlErrorParser"/>, which the wire client is given.
/// </summary>
internal sealed class AwsQueryProtocol(AwsWireClient wire, string apiVersion)
{
    /// <returns>The root element of the answer.</returns>
    public async Task<XElement> InvokeAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new StringBuilder();
        form.Append("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(apiVersion);
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var request = new WireRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form.ToString()), "application/x-www-form-urlencoded; charset=utf-8");
        var response = await wire.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(response.Body);
        return XDocument.Load(stream).Root ?? throw new FormatException($"{action} returned an empty document.");
    }
}
