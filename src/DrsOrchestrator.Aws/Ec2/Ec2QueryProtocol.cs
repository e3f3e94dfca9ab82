using System.Text;
using System.Xml.Linq;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.Ec2;

/// <summary>
/// EC2's query protocol: a form-encoded POST with Action and Version, lists flattened as Name.N
/// (Filter.1.Value.1), and an XML answer.
/// </summary>
internal sealed class Ec2QueryProtocol(AwsWireClient wire)
{
    internal const string ApiVersion = "2016-11-15";

    public async Task<XElement> InvokeAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new StringBuilder();
        form.Append("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(ApiVersion);
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var request = new WireRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form.ToString()), "application/x-www-form-urlencoded; charset=utf-8");
        var response = await wire.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(response.Body);
        return XDocument.Load(stream).Root ?? throw new FormatException($"{action} returned an empty document.");
    }

    /// <summary>Adds Prefix.1, Prefix.2, ... for a list member.</summary>
    public static void AddList(List<KeyValuePair<string, string>> parameters, string prefix, IReadOnlyList<string>? values)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            parameters.Add(new($"{prefix}.{i + 1}", values[i]));
        }
    }

    /// <summary>Adds Filter.N.Name / Filter.N.Value.M.</summary>
    public static void AddFilter(List<KeyValuePair<string, string>> parameters, string name, params string[] values)
    {
        var index = parameters.Count(p => p.Key.StartsWith("Filter.", StringComparison.Ordinal) && p.Key.EndsWith(".Name", StringComparison.Ordinal)) + 1;
        parameters.Add(new($"Filter.{index}.Name", name));
        AddList(parameters, $"Filter.{index}.Value", values);
    }
}
