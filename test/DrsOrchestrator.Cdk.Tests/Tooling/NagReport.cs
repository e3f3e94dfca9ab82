using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrsOrchestrator.Cdk.Tests.Fixtures;

namespace DrsOrchestrator.Cdk.Tests.Tooling;

/// <summary>Runs tools/cdk-nag/check.mjs (npm cdk-nag) and reads its JSON report.</summary>
internal sealed record NagReport(int ExitCode, JsonObject Json)
{
    public IReadOnlyList<string> Errors => Entries("errors", e => $"{e["template"]} {e["logicalId"]} {e["rule"]}: {e["description"]}");

    public IReadOnlyList<string> InvalidSuppressions => Entries("invalidSuppressions", e => $"{e["template"]} {e["logicalId"]} {e["id"]}");

    public IReadOnlyList<string> SuppressedRules => Entries("suppressed", e => e["rule"]!.GetValue<string>());

    public int TemplateCount => Json["templates"]!.AsArray().Count;

    public static NagReport Run(params string[] inputs)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.Combine("tools", "cdk-nag", "check.mjs"));
        foreach (var input in inputs)
        {
            start.ArgumentList.Add(input);
        }

        start.ArgumentList.Add("--json");
        start.Environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lastLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("check.mjs printed nothing: " + stderr.Result);
        return new NagReport(process.ExitCode, JsonNode.Parse(lastLine)!.AsObject());
    }

    private List<string> Entries(string key, Func<JsonNode, string> format) =>
        [.. Json[key]!.AsArray().Select(e => format(e!))];

    public override string ToString() => Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
