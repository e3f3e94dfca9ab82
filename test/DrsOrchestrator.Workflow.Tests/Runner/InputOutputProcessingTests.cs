using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class InputOutputProcessingTests
{
    [Fact]
    public async Task Pass_InputPathParametersResultPathOutputPath_AppliedInOrder()
    {
        // Arrange
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(("P", Asl.Pass(new JsonObject
        {
            ["InputPath"] = "$.order",
            ["Parameters"] = new JsonObject { ["id.$"] = "$.id", ["fixed"] = "x", ["nested"] = new JsonObject { ["qty.$"] = "$.lines[1]" } },
            ["ResultPath"] = "$.shaped",
            ["OutputPath"] = "$.shaped",
        })));

        // Act
        var result = await harness.RunAsync(definition, """{"order":{"id":"o-1","lines":[3,5]}}""");

        // Assert
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal("""{"id":"o-1","fixed":"x","nested":{"qty":5}}""", result.Output);
    }

    [Fact]
    public async Task Pass_ResultPathNull_KeepsInputUnchanged()
    {
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(("P", Asl.Pass(new JsonObject { ["Result"] = new JsonObject { ["a"] = 1 }, ["ResultPath"] = null })));

        var result = await harness.RunAsync(definition, """{"keep":true}""");

        Assert.Equal("""{"keep":true}""", result.Output);
    }

    [Fact]
    public async Task LambdaTask_Result_IsWrappedLikeTheServiceAndSelectable()
    {
        // Arrange: the handler echoes; ResultSelector picks from the {"Payload","StatusCode"} envelope.
        await using var harness = new RunnerHarness((payload, _) => Task.FromResult<JsonNode>(new JsonObject { ["echo"] = payload.DeepClone() }));
        var definition = Asl.Machine(("T", Asl.LambdaTask(
            new JsonObject { ["value.$"] = "$.v" },
            extra: new JsonObject
            {
                ["ResultSelector"] = new JsonObject { ["status.$"] = "$.StatusCode", ["got.$"] = "$.Payload.echo.value" },
                ["ResultPath"] = "$.r",
            })));

        // Act
        var result = await harness.RunAsync(definition, """{"v":42}""");

        // Assert
        Assert.Equal("""{"v":42,"r":{"status":200,"got":42}}""", result.Output);
    }

    [Fact]
    public async Task LambdaTask_ContextObject_ProvidesExecutionIdStateNameAndEnteredTime()
    {
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(("Named", Asl.LambdaTask(
            new JsonObject { ["id.$"] = "$$.Execution.Id", ["state.$"] = "$$.State.Name", ["at.$"] = "$$.State.EnteredTime", ["retry.$"] = "$$.State.RetryCount" },
            extra: new JsonObject { ["OutputPath"] = "$.Payload" })));
        var arn = await harness.StartAsync(harness.Load(definition));

        var result = await harness.Runner.WaitForCompletionAsync(arn, RunnerHarness.Patience);

        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal(arn, output["id"]!.GetValue<string>());
        Assert.Equal("Named", output["state"]!.GetValue<string>());
        Assert.Equal("2025-01-06T08:00:00.000Z", output["at"]!.GetValue<string>());
        Assert.Equal(0, output["retry"]!.GetValue<int>());
    }

    [Fact]
    public async Task Parameters_MissingPath_FailsWithStatesRuntime()
    {
        await using var harness = new RunnerHarness();
        var definition = Asl.Machine(("P", Asl.Pass(new JsonObject { ["Parameters"] = new JsonObject { ["x.$"] = "$.absent" } })));

        var result = await harness.RunAsync(definition);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
    }
}
