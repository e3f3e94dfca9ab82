using System.Text.Json.Nodes;

namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>Small readers over a synthesized template's JSON.</summary>
internal static class TemplateJson
{
    public static IReadOnlyList<(string LogicalId, JsonObject Resource)> Resources(this JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(p => p.Value!["Type"]!.GetValue<string>() == type)
            .Select(p => (p.Key, p.Value!.AsObject()))
            .ToList();

    public static JsonObject Single(this JsonObject template, string type) => Assert.Single(template.Resources(type)).Resource;

    public static JsonObject Props(this JsonObject resource) => resource["Properties"]!.AsObject();

    public static string Str(this JsonNode? node) => node!.GetValue<string>();

    /// <summary>Every statement of every IAM policy resource in the template.</summary>
    public static IEnumerable<JsonObject> PolicyStatements(this JsonObject template) =>
        template.Resources("AWS::IAM::Policy")
            .SelectMany(r => r.Resource.Props()["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject());

    public static IReadOnlyList<string> Actions(this JsonObject statement) => statement["Action"] switch
    {
        JsonArray array => array.Select(a => a!.GetValue<string>()).ToList(),
        JsonNode node => [node.GetValue<string>()],
        null => [],
    };

    public static IReadOnlyList<string> AsStrings(this JsonNode? node) => node switch
    {
        JsonArray array => array.Select(a => a!.GetValue<string>()).ToList(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
