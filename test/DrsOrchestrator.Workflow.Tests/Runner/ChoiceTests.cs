using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class ChoiceTests
{
    private static string Definition() => Asl.Machine(
        ("C", new JsonObject
        {
            ["Type"] = "Choice",
            ["Choices"] = new JsonArray
            {
                new JsonObject { ["Variable"] = "$.id", ["IsPresent"] = false, ["Next"] = "NoId" },
                new JsonObject
                {
                    ["And"] = new JsonArray
                    {
                        new JsonObject { ["Variable"] = "$.kind", ["StringEquals"] = "wave" },
                        new JsonObject { ["Not"] = new JsonObject { ["Variable"] = "$.done", ["BooleanEquals"] = true } },
                    },
                    ["Next"] = "OpenWave",
                },
                new JsonObject
                {
                    ["Or"] = new JsonArray
                    {
                        new JsonObject { ["Variable"] = "$.count", ["NumericEquals"] = 3 },
                        new JsonObject { ["Variable"] = "$.count", ["NumericGreaterThan"] = 10 },
                    },
                    ["Next"] = "Counted",
                },
            },
            ["Default"] = "Other",
        }),
        ("NoId", Tag("no-id")),
        ("OpenWave", Tag("open-wave")),
        ("Counted", Tag("counted")),
        ("Other", Tag("other")));

    private static JsonObject Tag(string value) => Asl.Pass(new JsonObject { ["Result"] = value });

    [Theory]
    [InlineData("""{"kind":"wave"}""", "no-id")]
    [InlineData("""{"id":1,"kind":"wave","done":false}""", "open-wave")]
    [InlineData("""{"id":1,"kind":"wave","done":true,"count":3}""", "counted")]
    [InlineData("""{"id":1,"kind":"job","count":11}""", "counted")]
    [InlineData("""{"id":1,"kind":"job","count":"3"}""", "other")]
    public async Task Choice_Input_TakesTheFirstMatchingBranchOrDefault(string input, string expected)
    {
        // Arrange
        await using var harness = new RunnerHarness();

        // Act
        var result = await harness.RunAsync(Definition(), input);

        // Assert
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal($"\"{expected}\"", result.Output);
    }

    [Fact]
    public async Task Choice_ComparedVariableMissing_FailsWithStatesRuntime()
    {
        // Arrange: "done" is absent, and only IsPresent may look at a missing variable.
        await using var harness = new RunnerHarness();

        // Act
        var result = await harness.RunAsync(Definition(), """{"id":1,"kind":"wave"}""");

        // Assert
        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
    }

    [Fact]
    public async Task Choice_NoMatchAndNoDefault_FailsWithNoChoiceMatched()
    {
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(
            ("C", new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray { new JsonObject { ["Variable"] = "$.x", ["StringEquals"] = "a", ["Next"] = "A" } },
            }),
            ("A", Asl.Succeed()));

        var result = await harness.RunAsync(definition, """{"x":"b"}""");

        Assert.Equal("States.NoChoiceMatched", result.Error);
    }
}
