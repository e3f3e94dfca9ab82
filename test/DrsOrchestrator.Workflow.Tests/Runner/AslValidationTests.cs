using System.Text.Json.Nodes;
using DrsOrchestrator.Workflow.Tests.Support;
using DrsOrchestrator.WorkflowRunner;
using DrsOrchestrator.WorkflowRunner.Asl;

namespace DrsOrchestrator.Workflow.Tests.Runner;

public sealed class AslValidationTests
{
    private static AslValidationException Reject(string definition) =>
        Assert.Throws<AslValidationException>(() => LocalWorkflowRunner.Validate(definition));

    public static TheoryData<string, string> Unsupported => new()
    {
        { Asl.Machine(("P", new JsonObject { ["Type"] = "Parallel", ["Branches"] = new JsonArray(), ["End"] = true })), "type 'Parallel' is not supported" },
        { Asl.Machine(("M", new JsonObject { ["Type"] = "Map", ["End"] = true })), "type 'Map' is not supported" },
        { Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject { ["Credentials"] = new JsonObject() }))), "field 'Credentials' is not supported" },
        { Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject { ["TimeoutSecondsPath"] = "$.t" }))), "field 'TimeoutSecondsPath' is not supported" },
        { Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject { ["Resource"] = "arn:aws:states:::sqs:sendMessage" }))), "resource 'arn:aws:states:::sqs:sendMessage' is not supported" },
        { Asl.Machine(("P", Asl.Pass(new JsonObject { ["Parameters"] = new JsonObject { ["s.$"] = "States.Format('{}', $.a)" } }))), "intrinsic functions are not implemented" },
        { Asl.Machine(("P", Asl.Pass(new JsonObject { ["InputPath"] = "$.items[*]" }))), "InputPath: not a supported reference path" },
        { Asl.Machine(("F", new JsonObject { ["Type"] = "Fail", ["ErrorPath"] = "$.e" })), "field 'ErrorPath' is not supported" },
        {
            Asl.Machine(
                ("C", new JsonObject
                {
                    ["Type"] = "Choice",
                    ["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.a", ["StringMatches"] = "x*", ["Next"] = "D" }),
                }),
                ("D", Asl.Succeed())),
            "comparison 'StringMatches' is not supported"
        },
        {
            Asl.Machine(("T", Asl.LambdaTask(extra: new JsonObject
            {
                ["Retry"] = new JsonArray(Asl.Retry("States.ALL", 1, 1, 1.0), Asl.Retry("X", 1, 1, 1.0)),
            }))),
            "States.ALL must appear alone and in the last"
        },
        { """{"StartAt":"A","TimeoutSeconds":5,"States":{"A":{"Type":"Succeed"}}}""", "Top-level field 'TimeoutSeconds' is not supported" },
        { Asl.Machine(("T", Asl.LambdaTask(new JsonObject { ["t.$"] = "$$.Task.Token" }))), "exists only in a .waitForTaskToken task" },
        { Asl.Machine(("T", Asl.TokenTask(extra: new JsonObject { ["Parameters"] = new JsonObject { ["FunctionName"] = "f", ["Payload"] = new JsonObject() } }))), "must pass $$.Task.Token" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Validate_UnsupportedFeature_FailsAtLoadTime(string definition, string expectedProblem)
    {
        var error = Reject(definition);

        Assert.Contains(error.Problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingTargetAndUnreachableState_ReportsBoth()
    {
        var definition = Asl.Machine(
            ("A", Asl.Pass(new JsonObject(), next: "Nowhere")),
            ("Orphan", Asl.Succeed()));

        var error = Reject(definition);

        Assert.Contains(error.Problems, p => p.Contains("moves to 'Nowhere'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'Orphan' is not reachable", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllAtOnce()
    {
        var definition = Asl.Machine(
            ("A", new JsonObject { ["Type"] = "Pass", ["Bogus"] = 1, ["End"] = true, ["Next"] = "A" }),
            ("B", new JsonObject { ["Type"] = "Map", ["End"] = true }));

        var error = Reject(definition);

        Assert.True(error.Problems.Count >= 3, string.Join("\n", error.Problems));
    }

    [Fact]
    public async Task CreateStateMachine_PlaceholderWithoutSubstitution_Fails()
    {
        await using var runner = new LocalWorkflowRunner(new ManualTimeProvider());

        var error = Assert.Throws<AslValidationException>(() => runner.CreateStateMachine("m", Asl.Machine(("T", Asl.LambdaTask()))));

        Assert.Contains(error.Problems, p => p.Contains("${FunctionArn} has no substitution", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateStateMachine_FunctionWithoutHandler_Fails()
    {
        await using var runner = new LocalWorkflowRunner(new ManualTimeProvider());

        var error = Assert.Throws<AslValidationException>(() => runner.CreateStateMachine(
            "m",
            Asl.Machine(("T", Asl.LambdaTask())),
            new Dictionary<string, string> { ["FunctionArn"] = "arn:aws:lambda:us-east-1:000000000000:function:unbound" }));

        Assert.Contains(error.Problems, p => p.Contains("function:unbound' has no registered handler", StringComparison.Ordinal));
    }
}
