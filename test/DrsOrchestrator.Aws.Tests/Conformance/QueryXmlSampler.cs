using System.Text.Json;
using System.Xml.Linq;

namespace DrsOrchestrator.Aws.Tests.Conformance;

/// <summary>
/// Fills an XML answer with every member of a query-protocol (EC2, IAM) model shape, as a fully populated
/// service answer would: each member as an element named by its locationName, each list with one entry
/// (named by the member's locationName, else "member"), and a sample value in every leaf.
/// </summary>
/// <param name="maxDepth">Where recursion stops: deep enough for the shapes a test maps, shallow enough to end recursive shapes.</param>
/// <param name="timestamp">The text of every timestamp leaf.</param>
internal sealed class QueryXmlSampler(ApiModel model, XNamespace ns, int maxDepth, string timestamp)
{
    /// <summary>Adds an element for every member of <paramref name="shape"/> to <paramref name="parent"/>.</summary>
    public void FillStructure(XElement parent, JsonElement shape) => FillStructure(parent, shape, 0);

    private void FillStructure(XElement parent, JsonElement shape, int depth)
    {
        foreach (var (name, member) in ApiModel.Members(model.Resolve(shape)))
        {
            var element = new XElement(ns + ApiModel.LocationName(name, member));
            Fill(element, member, name, depth + 1);
            parent.Add(element);
        }
    }

    private void Fill(XElement element, JsonElement shape, string name, int depth)
    {
        if (depth > maxDepth)
        {
            return;
        }

        var resolved = model.Resolve(shape);
        switch (ApiModel.TypeOf(resolved))
        {
            case "structure":
                FillStructure(element, resolved, depth);
                break;
            case "list":
                var memberShape = resolved.GetProperty("member");
                var item = new XElement(ns + (memberShape.TryGetProperty("locationName", out var itemName) ? itemName.GetString()! : "member"));
                Fill(item, memberShape, name, depth + 1);
                element.Add(item);
                break;
            case "boolean":
                element.Value = "true";
                break;
            case "integer" or "long" or "double" or "float":
                element.Value = "1";
                break;
            case "timestamp":
                element.Value = timestamp;
                break;
            default:
                element.Value = $"sample-{name}";
                break;
        }
    }
}
