using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrsOrchestrator.Workflow.Contract;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Workflow.Tests.Definition;

public sealed partial class OrchestrationStateMachineTests
{
    private static JsonObject States() => JsonNode.Parse(OrchestrationStateMachine.BuildDefinition())!["States"]!.AsObject();

    private static IEnumerable<string> Targets(JsonObject state)
    {
        foreach (var key in new[] { "Next", "Default" })
        {
            if (state[key] is JsonValue v)
            {
                yield return v.GetValue<string>();
            }
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            foreach (var item in state[list]?.AsArray() ?? [])
            {
                yield return item!["Next"]!.GetValue<string>();
            }
        }
    }

    [Fact]
    public void BuildDefinition_CalledTwice_IsByteForByteIdentical()
    {
        var first = OrchestrationStateMachine.BuildDefinition();
        var second = OrchestrationStateMachine.BuildDefinition(new OrchestrationStateMachineOptions());

        Assert.Equal(first, second);
    }

    [Fact]
    public void BuildDefinition_Text_IsCanonical()
    {
        var json = OrchestrationStateMachine.BuildDefinition();

        Assert.DoesNotContain('\r', json);
        Assert.StartsWith("{\n  \"Comment\"", json, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T", json);
        using var _ = JsonDocument.Parse(json);
    }

    [Fact]
    public void BuildDefinition_Default_PassesTheLocalRunnersLoadTimeValidation()
    {
        LocalWorkflowRunner.Validate(OrchestrationStateMachine.BuildDefinition());
    }

    [Fact]
    public void BuildDefinition_EveryTransition_TargetsAnExistingState()
    {
        var states = States();

        var dangling = states.SelectMany(s => Targets(s.Value!.AsObject()).Where(t => !states.ContainsKey(t)).Select(t => $"{s.Key} -> {t}")).ToList();

        Assert.Empty(dangling);
    }

    [Fact]
    public void BuildDefinition_EveryState_IsReachableFromStartAt()
    {
        var states = States();
        var reached = new HashSet<string> { OrchestrationStates.Start };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var name))
        {
            foreach (var target in Targets(states[name]!.AsObject()).Where(reached.Add))
            {
                queue.Enqueue(target);
            }
        }

        Assert.Equal(states.Select(s => s.Key).Order(), reached.Order());
    }

    [Fact]
    public void BuildDefinition_Placeholders_AreExactlyTheDeclaredOnes()
    {
        var found = Placeholder().Matches(OrchestrationStateMachine.BuildDefinition()).Select(m => m.Groups[1].Value).Distinct();

        Assert.Equal(OrchestrationStateMachine.Placeholders, found);
    }

    [Fact]
    public void BuildDefinition_EveryLambdaTask_RetriesTransientErrorsWithCappedJitteredBackoff()
    {
        var tasks = States().Where(s => s.Value!["Type"]!.GetValue<string>() == "Task").ToList();

        Assert.All(tasks, task =>
        {
            var retry = Assert.Single(task.Value!["Retry"]!.AsArray())!;
            var errors = retry["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            Assert.Equal([.. OrchestrationErrors.LambdaTransient, OrchestrationErrors.Transient], errors);
            Assert.Equal("FULL", retry["JitterStrategy"]!.GetValue<string>());
            Assert.True(retry["MaxDelaySeconds"]!.GetValue<int>() > 0);
            Assert.True(retry["BackoffRate"]!.GetValue<double>() > 1.0);
        });
    }

    [Theory]
    [InlineData(OrchestrationStates.AwaitWave, OrchestrationStates.ReconcileWave, 300)]
    [InlineData(OrchestrationStates.Pause, OrchestrationStates.Pause, 86_400)]
    public void BuildDefinition_TokenSteps_CatchCancelledThenTimeoutThenEverything(string state, string onTimeout, int timeoutSeconds)
    {
        var step = States()[state]!;

        var catches = step["Catch"]!.AsArray().Select(c => (c!["ErrorEquals"]![0]!.GetValue<string>(), c["Next"]!.GetValue<string>())).ToList();

        Assert.Equal("arn:aws:states:::lambda:invoke.waitForTaskToken", step["Resource"]!.GetValue<string>());
        Assert.Equal("$$.Task.Token", step["Parameters"]!["Payload"]!["taskToken.$"]!.GetValue<string>());
        Assert.Equal(timeoutSeconds, step["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(
            [(OrchestrationErrors.Cancelled, OrchestrationStates.RecordCancellation), ("States.Timeout", onTimeout), ("States.ALL", OrchestrationStates.RecordFailure)],
            catches);
    }

    [Fact]
    public void BuildDefinition_Route_HandlesEveryNextStep()
    {
        var route = States()[OrchestrationStates.Route]!;
        var routed = route["Choices"]!.AsArray()
            .SelectMany(c => c!["And"]?.AsArray().Select(a => a!) ?? [c!])
            .Where(c => c["StringEquals"] is not null)
            .Select(c => c["StringEquals"]!.GetValue<string>())
            .Distinct();

        Assert.Equal(OrchestrationNextSteps.All.Order(), routed.Order());
        Assert.Equal(OrchestrationStates.UnknownNextStep, route["Default"]!.GetValue<string>());
    }

    [Fact]
    public void BuildDefinition_Actions_AreExactlyTheContractsActions()
    {
        var actions = States()
            .Select(s => s.Value!["Parameters"]?["Payload"]?["action"]?.GetValue<string>())
            .OfType<string>()
            .Distinct();

        Assert.Equal(OrchestrationActions.All.Order(), actions.Order());
    }

    [Fact]
    public void BuildDefinition_ShorterTimeouts_AreEmitted()
    {
        var json = OrchestrationStateMachine.BuildDefinition(new OrchestrationStateMachineOptions(AwaitWaveTimeoutSeconds: 30, PauseTimeoutSeconds: 600));
        var states = JsonNode.Parse(json)!["States"]!;

        Assert.Equal(30, states[OrchestrationStates.AwaitWave]!["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(600, states[OrchestrationStates.Pause]!["TimeoutSeconds"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(300, -1)]
    public void BuildDefinition_NonPositiveTimeout_Throws(int awaitSeconds, int pauseSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            OrchestrationStateMachine.BuildDefinition(new OrchestrationStateMachineOptions(AwaitWaveTimeoutSeconds: awaitSeconds, PauseTimeoutSeconds: pauseSeconds)));
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Placeholder();
}
