using System.Globalization;
using System.Xml.Linq;

namespace DrsOrchestrator.Aws.Ec2;

/// <summary>Reads EC2 XML by local name, so the versioned namespace never has to be spelled out.</summary>
internal static class Ec2Xml
{
    public static XElement? Child(this XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(this XElement? element, string name) => element.Child(name)?.Value;

    /// <summary>The &lt;item&gt; elements of a list member such as subnetSet.</summary>
    public static IEnumerable<XElement> Items(this XElement? element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "item") ?? [];

    /// <summary>The elements of a list member whose entries are named <paramref name="memberName"/> instead of item.</summary>
    public static IEnumerable<XElement> Members(this XElement? element, string listName, string memberName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == memberName) ?? [];

    public static bool? Bool(this XElement? element, string name) =>
        element.Text(name) switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };

    public static long? Long(this XElement? element, string name) =>
        long.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static IReadOnlyDictionary<string, string> Tags(this XElement element) =>
        element.Items("tagSet")
            .Select(t => (Key: t.Text("key"), Value: t.Text("value") ?? string.Empty))
            .Where(t => t.Key is not null)
            .GroupBy(t => t.Key!)
            .ToDictionary(g => g.Key, g => g.First().Value);
}
