using System.Text.Json.Nodes;

namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>
/// Turns a synthesized value into what CloudFormation would plausibly hand the function at deploy
/// time, so a settings parser can judge it. Unknown intrinsics throw: silently passing them through
/// would let a malformed variable look valid.
/// </summary>
internal static class IntrinsicResolver
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    public static string Resolve(JsonNode? node) => node switch
    {
        JsonValue value => value.ToString(),
        JsonObject o when o.Count == 1 && o["Ref"] is { } reference => Ref(reference.GetValue<string>()),
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonArray attribute => GetAtt(attribute[0].Str(), attribute[1].Str()),
        JsonObject o when o.Count == 1 && o["Fn::Join"] is JsonArray join =>
            string.Join(join[0].Str(), join[1]!.AsArray().Select(Resolve)),
        _ => throw new NotSupportedException($"No plausible value for {node?.ToJsonString() ?? "null"}."),
    };

    private static string Ref(string name) => name switch
    {
        "AWS::AccountId" => Account,
        "AWS::Region" => Region,
        "AWS::Partition" => "aws",
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::StackName" => "drs-orchestrator-hub",
        _ when name.StartsWith("AWS::", StringComparison.Ordinal) => throw new NotSupportedException($"Pseudo parameter {name}."),
        // A resource or a nested stack parameter: CloudFormation gives its physical name.
        _ => "resolved-" + name.ToLowerInvariant(),
    };

    private static string GetAtt(string resource, string attribute) => attribute switch
    {
        _ when attribute.EndsWith("Arn", StringComparison.Ordinal) =>
            $"arn:aws:service:{Region}:{Account}:resource/{resource.ToLowerInvariant()}",
        _ when attribute.Contains("Url", StringComparison.OrdinalIgnoreCase) => $"https://{resource.ToLowerInvariant()}.example.com",
        _ when attribute.Contains("DomainName", StringComparison.Ordinal) => $"{resource.ToLowerInvariant()}.cloudfront.net",
        _ => $"resolved-{resource.ToLowerInvariant()}-{attribute.ToLowerInvariant()}",
    };
}
