using System.Xml.Linq;
using DrsOrchestrator.Aws.Wire;

namespace DrsOrchestrator.Aws.Ec2;

/// <summary>
/// EC2's dialect of the query protocol (<see cref="AwsQueryProtocol"/>): its API version, and lists
/// flattened as Name.N (Filter.1.Value.1).
/// </summary>
internal sealed class Ec2QueryProtocol(AwsWireClient wire)
{
    internal const string ApiVersion = "2016-11-15";

    private readonly AwsQueryProtocol _query = new(wire, ApiVersion);

    public Task<XElement> InvokeAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        _query.InvokeAsync(action, parameters, cancellationToken);

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
