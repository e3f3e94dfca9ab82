using DrsOrchestrator.Cdk.Tests.Fixtures;
using DrsOrchestrator.Workflow.Definition;
using DrsOrchestrator.WorkflowRunner;

namespace DrsOrchestrator.Cdk.Tests.Stacks;

[Collection(SynthesizedAppsCollection.Name)]
public sealed class StepFunctionsStackTests(FullAppFixture full)
{
    [Fact]
    public void Definition_InTemplate_EqualsTheWorkflowBuilderOutput()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.StepFunctions);

        // Act
        var machine = json.Single("AWS::StepFunctions::StateMachine").Props();

        // Assert
        Assert.Equal(OrchestrationStateMachine.BuildDefinition(), machine["DefinitionString"].Str());
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject().Select(p => p.Key).Order();
        Assert.Equal(OrchestrationStateMachine.Placeholders.Order(), substitutions);
    }

    [Fact]
    public async Task Definition_InTemplate_LoadsInTheLocalRunnerWithItsSubstitutions()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.StepFunctions);
        var definition = json.Single("AWS::StepFunctions::StateMachine").Props()["DefinitionString"].Str();
        var substitutions = OrchestrationStateMachine.Placeholders.ToDictionary(p => p, _ => "orchestration");
        await using var runner = new LocalWorkflowRunner(TimeProvider.System);
        runner.RegisterFunction("orchestration", (input, _) => Task.FromResult(input));

        // Act
        var arn = runner.CreateStateMachine("drs-orchestrator-dev-orchestration", definition, substitutions);

        // Assert
        Assert.Contains("drs-orchestrator-dev-orchestration", arn, StringComparison.Ordinal);
    }

    [Fact]
    public void StateMachine_Observability_LogsAllWithExecutionDataAndTraces()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.StepFunctions);

        // Act
        var machine = json.Single("AWS::StepFunctions::StateMachine").Props();

        // Assert
        Assert.Equal("STANDARD", machine["StateMachineType"].Str());
        Assert.Equal("drs-orchestrator-dev-orchestration", machine["StateMachineName"].Str());
        Assert.Equal("ALL", machine["LoggingConfiguration"]!["Level"].Str());
        Assert.True(machine["LoggingConfiguration"]!["IncludeExecutionData"]!.GetValue<bool>());
        Assert.True(machine["TracingConfiguration"]!["Enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Role_Invoke_OnlyTheOrchestrationFunction()
    {
        // Arrange
        var json = full.JsonOf(full.Stacks.Hub.StepFunctions);

        // Act
        var invoke = json.PolicyStatements().Where(s => s.Actions().Any(a => a.StartsWith("lambda:", StringComparison.Ordinal))).ToList();

        // Assert
        var statement = Assert.Single(invoke);
        Assert.Equal(["lambda:InvokeFunction"], statement.Actions());
        var resources = statement["Resource"]!.ToJsonString();
        Assert.Contains("OrchestrationFunction", resources, StringComparison.Ordinal);
        Assert.DoesNotContain("\"*\"", resources, StringComparison.Ordinal);
        Assert.Equal("states.amazonaws.com", json.Single("AWS::IAM::Role").Props()["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"].Str());
    }
}
