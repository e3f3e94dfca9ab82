using DrsOrchestrator.Cdk.Stacks;
using DrsOrchestrator.Cdk.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace DrsOrchestrator.Cdk.Tests.Tooling;

public sealed class BuildspecTests
{
    public static TheoryData<string> Buildspecs() => [.. PipelineStage.BuildStages.Select(s => s.BuildspecPath)];

    [Theory]
    [MemberData(nameof(Buildspecs))]
    public void Buildspec_PipelineStage_ParsesWithInstallAndBuildCommands(string path)
    {
        // Arrange
        var text = File.ReadAllText(RepositoryPaths.Combine(path.Split('/')));

        // Act
        var root = Parse(text);

        // Assert
        Assert.Equal("0.2", ((YamlScalarNode)root["version"]).Value);
        var phases = (YamlMappingNode)root["phases"];
        var install = Commands(phases, "install");
        Assert.Contains(install, c => c.Contains("--jsonfile global.json", StringComparison.Ordinal));
        Assert.NotEmpty(Commands(phases, "build"));
    }

    [Theory]
    [InlineData("buildspecs/validate.yml", "node tools/cdk-nag/check.mjs cdk.out")]
    [InlineData("buildspecs/build.yml", "./dev synth")]
    [InlineData("buildspecs/test.yml", "./dev test")]
    [InlineData("buildspecs/deploy-infra.yml", "cdk deploy")]
    [InlineData("buildspecs/deploy-frontend.yml", "cdk deploy")]
    public void Buildspec_Stage_RunsTheReadmeCommand(string path, string command)
    {
        // Arrange
        var root = Parse(File.ReadAllText(RepositoryPaths.Combine(path.Split('/'))));

        // Act
        var build = Commands((YamlMappingNode)root["phases"], "build");

        // Assert
        Assert.Contains(build, c => c.Contains(command, StringComparison.Ordinal));
    }

    [Fact]
    public void CdkJson_App_RunsTheCdkProject()
    {
        // Arrange
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("cdk.json")))!;

        // Act
        var app = json["app"]!.GetValue<string>();

        // Assert
        Assert.Equal("dotnet run --project src/DrsOrchestrator.Cdk", app);
        Assert.Null(json["context"]!["adminEmail"]);
    }

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static List<string> Commands(YamlMappingNode phases, string phase) =>
        [.. ((YamlSequenceNode)((YamlMappingNode)phases[phase])["commands"]).Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty)];
}
