using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using DrsOrchestrator.Cdk.Configuration;
using DrsOrchestrator.Cdk.Packaging;

namespace DrsOrchestrator.Cdk.Tests.Fixtures;

/// <summary>
/// One synthesized app per deployment mode and test run (synth through jsii costs seconds). Assets
/// are empty folders: packaging is exercised by `cdk synth`, not by the assertion tests.
/// </summary>
public abstract class SynthesizedApp : IDisposable
{
    private readonly Dictionary<string, Template> templates = new(StringComparer.Ordinal);

    internal SynthesizedApp(CdkContextBuilder context)
    {
        OutputDirectory = Directory.CreateTempSubdirectory("drs-cdk-test-").FullName;
        var values = context.Build();
        var merged = new Dictionary<string, object>(CdkFeatureFlags.All, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }

        App = new App(new AppProps { Outdir = OutputDirectory, Context = merged });
        Config = DeploymentConfigReader.Read(context.AsLookup());
        Stacks = DrsOrchestratorApp.Build(App, Config, new EmptyAssetSource());
        App.Synth();
    }

    public string OutputDirectory { get; }

    internal App App { get; }

    internal DeploymentConfig Config { get; }

    internal DrsOrchestratorApp Stacks { get; }

    internal Template TemplateOf(Stack stack)
    {
        if (!templates.TryGetValue(stack.Node.Path, out var template))
        {
            template = Template.FromStack(stack);
            templates[stack.Node.Path] = template;
        }

        return template;
    }

    /// <summary>The synthesized file, for checks the assertion API cannot express.</summary>
    internal JsonObject JsonOf(Stack stack) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory, stack.TemplateFile)))!.AsObject();

    internal IEnumerable<string> TemplateFiles() =>
        Directory.EnumerateFiles(OutputDirectory, "*.template.json").Order(StringComparer.Ordinal);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(OutputDirectory))
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
    }
}
